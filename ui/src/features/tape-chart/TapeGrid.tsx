// The virtualised rooms × dates grid: only the rows and columns in view are rendered. Keys move the focus,
// select nights, book, open and stretch stays (keyboard.ts); the pointer selects nights to book, drags a stay
// to another room and drags a stay's end to change its departure.
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode, type Ref } from "react";
import { useTranslation } from "react-i18next";
import type { TapeBar, TapeRoom } from "../../ipc/client";
import { nightsBetween, weekday } from "../reservations/queries";
import { keyOutcome, type KeyInput, type KeyOutcome } from "./keyboard";
import { barAt, COLUMN_WIDTH, HEADER_HEIGHT, isCellRow, LABEL_WIDTH, ROW_HEIGHT, selectionStay, type CellRow, type GridFocus, type Selection, type TapeRow } from "./layout";
import { BarTip } from "./BarTip";
import { TapeRowView } from "./TapeRowView";
import { usePointerGestures } from "./usePointerGestures";
import classes from "./tape-chart.module.css";

/** Rows and columns rendered beyond the visible edge, so fast scrolling shows no gaps. */
const OVERSCAN = 4;
/** Before its size is known (and in tests) the grid assumes a desktop-sized view. */
const FALLBACK_WIDTH = 1600;
const FALLBACK_HEIGHT = 800;
export interface TapeGridHandle {
  /** Focuses the grid and acts as if the key were pressed there (the palette's tape-chart actions). */
  press: (input: KeyInput) => void;
}

export interface TapeGridProps {
  rows: TapeRow[];
  dates: string[];
  businessDate: string;
  typeName: (roomTypeId: number) => string;
  /** What the tooltip of a stay says (hovered, or under the keyboard focus). */
  renderTip: (bar: TapeBar) => ReactNode;
  onBook: (row: CellRow, arrival: string, departure: string) => void;
  onBar: (bar: TapeBar) => void;
  onDrop: (bar: TapeBar, room: TapeRoom) => void;
  onResize: (bar: TapeBar, departure: string) => void;
  /** The focus moved to a date outside the dates shown: page the chart there. */
  onReveal: (date: string) => void;
  onCommand: (command: "today" | "group" | "help") => void;
  ref?: Ref<TapeGridHandle>;
}

export function TapeGrid(props: TapeGridProps) {
  const { rows, dates, businessDate, typeName, renderTip, onBook, onBar, onDrop, onResize, onReveal, onCommand, ref } = props;
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, width: 0, height: 0 });
  const [focus, setFocus] = useState<GridFocus>(() => {
    const row = Math.max(0, rows.findIndex(isCellRow));
    return { key: rows[row]?.key ?? "", row, date: businessDate };
  });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [hover, setHover] = useState<{ id: number; row: number } | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  const days = dates.length;
  const rowIndex = useMemo(() => new Map(rows.map((row, i) => [row.key, i])), [rows]);

  const measure = () => {
    const el = scroller.current;
    if (el) setView({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
  };
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The focus follows its row by key when rows change (a refresh, another grouping); the date stays put
  // and shows in the nearest column when the chart pages away from it.
  const focusRow = Math.min(rowIndex.get(focus.key) ?? focus.row, rows.length - 1);
  const focusCol = Math.min(days - 1, Math.max(0, nightsBetween(dates[0], focus.date)));
  const focusDate = dates[focusCol];
  const focusedBar = barAt(rows[focusRow], focusDate);
  const selectedRow = selection ? rowIndex.get(selection.key) : undefined;

  // Keep the focused cell in view when the keyboard moves it.
  useEffect(() => {
    const el = scroller.current;
    if (!el || focusRow < 0) return;
    const top = focusRow * ROW_HEIGHT;
    const viewHeight = el.clientHeight - HEADER_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (viewHeight > 0 && top + ROW_HEIGHT > el.scrollTop + viewHeight) el.scrollTop = top + ROW_HEIGHT - viewHeight;
    const left = focusCol * COLUMN_WIDTH;
    const viewWidth = el.clientWidth - LABEL_WIDTH;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (viewWidth > 0 && left + COLUMN_WIDTH > el.scrollLeft + viewWidth) el.scrollLeft = left + COLUMN_WIDTH - viewWidth;
  }, [focusRow, focusCol]);

  const { gesture, cancel, handlers } = usePointerGestures({
    scroller,
    rows,
    dates,
    selection,
    setSelection,
    setFocus,
    onStart: () => setHover(null),
    onBar,
    onDrop,
    onResize,
    onBook,
  });

  const height = view.height || FALLBACK_HEIGHT;
  const width = view.width || FALLBACK_WIDTH;
  const firstRow = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const lastRow = Math.min(rows.length, Math.ceil((view.top + height) / ROW_HEIGHT) + OVERSCAN);
  const firstCol = Math.max(0, Math.floor(view.left / COLUMN_WIDTH) - OVERSCAN);
  const lastCol = Math.min(days, Math.ceil((view.left + width - LABEL_WIDTH) / COLUMN_WIDTH) + OVERSCAN);

  function apply(outcome: KeyOutcome) {
    switch (outcome.kind) {
      case "focus": {
        setFocus({ key: rows[outcome.row]?.key ?? "", row: outcome.row, date: outcome.date });
        setSelection(outcome.selection);
        if (outcome.date < dates[0] || outcome.date > dates[days - 1]) onReveal(outcome.date);
        return;
      }
      case "book":
        setSelection(null);
        return onBook(outcome.row, outcome.arrival, outcome.departure);
      case "open":
        return onBar(outcome.bar);
      case "resize":
        return onResize(outcome.bar, outcome.departure);
      case "cancel":
        return cancel();
      case "today":
        setFocus({ key: rows[focusRow]?.key ?? "", row: focusRow, date: businessDate });
        return onCommand("today");
      default:
        return onCommand(outcome.kind);
    }
  }

  function handleKey(input: KeyInput): boolean {
    if (focusRow < 0 || !focusDate) return false;
    const outcome = keyOutcome(input, { rows, dates, row: focusRow, date: focusDate, selection });
    if (outcome) apply(outcome);
    return outcome !== null;
  }

  useImperativeHandle(ref, () => ({
    press: (input) => {
      scroller.current?.focus();
      handleKey(input);
    },
  }));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    if (handleKey(event)) event.preventDefault();
  }

  const selectedCols =
    selection && selectedRow !== undefined
      ? (() => {
          const stay = selectionStay(selection);
          const start = Math.max(0, nightsBetween(dates[0], stay.arrival));
          const end = Math.min(days - 1, nightsBetween(dates[0], stay.departure) - 1);
          return end >= start ? { start, end } : null;
        })()
      : null;

  // The tooltip: the hovered stay, else the stay under the keyboard focus while the grid has the focus.
  const hoverRow = hover ? rows[hover.row] : undefined;
  const hoveredBar = hover && isCellRow(hoverRow) ? hoverRow.bars.find((b) => b.reservationId === hover.id) : undefined;
  const tip = gesture ? null : hover && hoveredBar ? { bar: hoveredBar, row: hover.row } : hasFocus && focusedBar ? { bar: focusedBar, row: focusRow } : null;

  function onPointerOver(event: PointerEvent<HTMLDivElement>) {
    if (gesture || !(event.target instanceof Element)) return;
    const barEl = event.target.closest<HTMLElement>("[data-bar]");
    const rowEl = barEl?.closest<HTMLElement>("[data-row]");
    const next = barEl && rowEl ? { id: Number(barEl.dataset.bar), row: Number(rowEl.dataset.row) } : null;
    if (next?.id !== hover?.id || next?.row !== hover?.row) setHover(next);
  }

  return (
    <div
      ref={scroller}
      className={classes.scroller}
      role="grid"
      aria-label={t("nav.tape-chart")}
      aria-rowcount={rows.length}
      aria-colcount={days}
      aria-describedby={tip ? "tape-tip" : undefined}
      tabIndex={0}
      data-testid="tape-grid"
      onScroll={measure}
      onKeyDown={onKeyDown}
      onFocus={() => setHasFocus(true)}
      onBlur={() => setHasFocus(false)}
      {...handlers}
      onPointerOver={onPointerOver}
      onPointerLeave={() => setHover(null)}
    >
      <div className={classes.canvas} style={{ width: LABEL_WIDTH + days * COLUMN_WIDTH, height: HEADER_HEIGHT + rows.length * ROW_HEIGHT }}>
        <div className={classes.header} style={{ height: HEADER_HEIGHT }}>
          <div className={classes.corner} />
          {dates.slice(firstCol, lastCol).map((date, i) => (
            <div
              key={date}
              className={[classes.dateHead, date === businessDate ? classes.todayHead : "", weekday(date) % 6 === 0 ? classes.weekend : ""].join(" ")}
              style={{ left: LABEL_WIDTH + (firstCol + i) * COLUMN_WIDTH }}
              data-today={date === businessDate || undefined}
              title={date}
            >
              <span>{t(`tapeChart.weekday.${weekday(date)}`)}</span>
              <span>{date.slice(5).replace("-", "/")}</span>
            </div>
          ))}
        </div>
        {rows.slice(firstRow, lastRow).map((row, i) => {
          const index = firstRow + i;
          return (
            <TapeRowView
              key={row.key}
              row={row}
              index={index}
              dates={dates}
              firstCol={firstCol}
              lastCol={lastCol}
              businessDate={businessDate}
              typeName={typeName}
              focusCol={index === focusRow ? focusCol : null}
              selected={index === selectedRow ? selectedCols : null}
              focusedBar={index === focusRow ? (focusedBar?.reservationId ?? null) : null}
              draggingBar={gesture?.kind === "move" && gesture.moved ? gesture.bar.reservationId : null}
              resizing={gesture?.kind === "resize" && gesture.row === index ? { id: gesture.bar.reservationId, departure: gesture.departure } : null}
              dropTarget={gesture?.kind === "move" && gesture.moved && gesture.over === index}
            />
          );
        })}
        {tip && (
          <BarTip bar={tip.bar} row={tip.row} dates={dates} view={{ ...view, width, height }} canvasHeight={HEADER_HEIGHT + rows.length * ROW_HEIGHT}>
            {renderTip(tip.bar)}
          </BarTip>
        )}
      </div>
    </div>
  );
}
