// Actions the shown screen adds to the Ctrl+K palette while it is mounted (the tape chart's keys, …).
import { useEffect, useSyncExternalStore } from "react";

export interface PaletteAction {
  id: string;
  label: string;
  /** Shown beside the label ("mod+shift+L", or a key name such as "Shift+→"). */
  shortcut?: string;
  /** The line under the label; "Action" when not given. */
  group?: string;
  run: () => void;
}

const byOwner = new Map<string, PaletteAction[]>();
let flat: PaletteAction[] = [];
const listeners = new Set<() => void>();

function publish() {
  flat = [...byOwner.values()].flat();
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Offers `actions` in the palette while the calling screen is mounted; keep the array stable (useMemo). */
export function useScreenActions(owner: string, actions: PaletteAction[]) {
  useEffect(() => {
    byOwner.set(owner, actions);
    publish();
    return () => {
      if (byOwner.get(owner) === actions) {
        byOwner.delete(owner);
        publish();
      }
    };
  }, [owner, actions]);
}

/** The actions screens offer now. */
export function useScreenActionList(): PaletteAction[] {
  return useSyncExternalStore(subscribe, () => flat);
}
