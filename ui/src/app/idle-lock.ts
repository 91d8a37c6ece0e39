// Idle lock: after N minutes without keyboard or mouse input, lock; on input, touch the session (≤ 1/min).
import { useEffect, useRef } from "react";

const INPUT_EVENTS = ["keydown", "mousedown", "mousemove", "wheel", "touchstart"] as const;
export const TOUCH_INTERVAL_MS = 60_000;

export function useIdleLock({
  minutes,
  active,
  onIdle,
  onTouch,
}: {
  minutes: number;
  /** False while already locked (nothing to watch). */
  active: boolean;
  onIdle: () => void;
  /** Called on input at most once per TOUCH_INTERVAL_MS. */
  onTouch: () => void;
}) {
  const onIdleRef = useRef(onIdle);
  const onTouchRef = useRef(onTouch);
  useEffect(() => {
    onIdleRef.current = onIdle;
    onTouchRef.current = onTouch;
  });

  useEffect(() => {
    if (!active || !(minutes > 0)) return;
    const timeout = minutes * 60_000;
    let lastTouch = Date.now();
    let timer = window.setTimeout(() => onIdleRef.current(), timeout);
    const onInput = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onIdleRef.current(), timeout);
      const now = Date.now();
      if (now - lastTouch >= TOUCH_INTERVAL_MS) {
        lastTouch = now;
        onTouchRef.current();
      }
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [minutes, active]);
}
