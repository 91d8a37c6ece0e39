// The virtualised rooms × dates grid: only the rows and columns in view are rendered; arrow keys, Enter, drag to move.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TapeBar, TapeRoom } from "../../ipc/client";
import { reservationStateColor } from "../../shared/reservationStates";
import { weekday } from "../reservations/queries";
import { barAt, columnSpan, COLUMN_WIDTH, HEADER_HEIGHT, LABEL_WIDTH, ROW_HEIGHT, type TapeRow } from "./layout";
import classes from "./tape-chart.module.css";

/** Rows and columns rendered beyond the visible edge, so fast scrolling shows no gaps. */
const OVERSCAN = 4;
/** Before its size is known (and in tests) the grid assumes a desktop-sized view. */
const FALLBACK_WIDTH = 1600;
const FALLBACK_HEIGHT = 800;
/** Pixels a pointer must travel before a press on a bar becomes a drag. */
const DRAG_THRESHOLD = 4;

interface Drag {
  bar: TapeBar;
  startY: number;
  moved: boolean;
  over: number | null;
}

export interface TapeGridProps {
  rows: TapeRow[];
  dates: string[];
  businessDate: string;
  typeName: (roomTypeId: number) => string;
  barTitle: (bar: TapeBar) => string;
  onEmptyCell: (row: TapeRow, date: string) => void;
  onBar: (bar: TapeBar) => void;
  onDrop: (bar: TapeBar, room: TapeRoom) => void;
}

function isCellRow(row: TapeRow | undefined): boolean {
  return row !== undefined && row.kind !== "type";
}

export function TapeGrid({ rows, dates, businessDate, typeName, barTitle, onEmptyCell, onBar, onDrop }: TapeGridProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, width: 0, height: 0 });
  const [focus, setFocus] = useState(() => ({ row: Math.max(0, rows.findIndex((r) => r.kind !== "type")), col: Math.max(0, dates.indexOf(businessDate)) }));
  const [drag, setDrag] = useState<Drag | null>(null);
  const days = dates.length;

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

  const focusRow = Math.min(focus.row, rows.length - 1);
  const focusCol = Math.min(focus.col, days - 1);

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

  const height = view.height || FALLBACK_HEIGHT;
  const width = view.width || FALLBACK_WIDTH;
  const firstRow = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const lastRow = Math.min(rows.length, Math.ceil((view.top + height) / ROW_HEIGHT) + OVERSCAN);
  const firstCol = Math.max(0, Math.floor(view.left / COLUMN_WIDTH) - OVERSCAN);
  const lastCol = Math.min(days, Math.ceil((view.left + width - LABEL_WIDTH) / COLUMN_WIDTH) + OVERSCAN);
  const visibleCols = dates.slice(firstCol, lastCol).map((date, i) => ({ date, col: firstCol + i }));

  function moveFocus(rowStep: number, colStep: number) {
    let row = focusRow;
    if (rowStep !== 0) {
      let next = row + rowStep;
      while (next >= 0 && next < rows.length && !isCellRow(rows[next])) next += rowStep;
      if (next >= 0 && next < rows.length) row = next;
    }
    setFocus({ row, col: Math.min(days - 1, Math.max(0, focusCol + colStep)) });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const steps: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = steps[event.key];
    if (step) {
      event.preventDefault();
      moveFocus(step[0], step[1]);
    } else if (event.key === "Enter") {
      const row = rows[focusRow];
      const date = dates[focusCol];
      if (!isCellRow(row) || !date) return;
      event.preventDefault();
      const bar = barAt(row, date);
      if (bar) onBar(bar);
      else onEmptyCell(row, date);
    }
  }

  function rowAtPointer(clientY: number): number | null {
    const el = scroller.current;
    if (!el) return null;
    const y = clientY - el.getBoundingClientRect().top + el.scrollTop - HEADER_HEIGHT;
    const index = Math.floor(y / ROW_HEIGHT);
    return index >= 0 && index < rows.length ? index : null;
  }

  function startDrag(event: PointerEvent<HTMLDivElement>, bar: TapeBar) {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    setDrag({ bar, startY: event.clientY, moved: false, over: null });
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (!drag) return;
    const moved = drag.moved || Math.abs(event.clientY - drag.startY) > DRAG_THRESHOLD;
    setDrag({ ...drag, moved, over: moved ? rowAtPointer(event.clientY) : null });
  }

  function onPointerUp() {
    if (!drag) return;
    setDrag(null);
    if (!drag.moved) return onBar(drag.bar);
    const target = drag.over === null ? undefined : rows[drag.over];
    if (target?.kind === "room" && target.room.id !== drag.bar.roomId) onDrop(drag.bar, target.room);
  }

  const renderBar = (bar: TapeBar) => {
    const span = columnSpan(bar.arrival, bar.departure, dates[0], days);
    if (!span || span.end <= firstCol || span.start >= lastCol) return null;
    const color = reservationStateColor(bar.state);
    const className = [classes.bar, bar.overbooked ? classes.overbooked : "", drag?.bar === bar && drag.moved ? classes.dragging : ""].join(" ");
    return (
      <div
        key={bar.reservationId}
        className={className}
        data-testid={`tape-bar-${bar.reservationId}`}
        data-state={bar.state}
        title={barTitle(bar)}
        onPointerDown={(e) => startDrag(e, bar)}
        style={{
          left: LABEL_WIDTH + span.start * COLUMN_WIDTH,
          width: (span.end - span.start) * COLUMN_WIDTH - 2,
          background: `var(--mantine-color-${color}-2)`,
          borderColor: `var(--mantine-color-${color}-6)`,
        }}
      >
        {bar.guestName}
      </div>
    );
  };

  const renderRow = (row: TapeRow, index: number) => {
    const top = HEADER_HEIGHT + index * ROW_HEIGHT;
    if (row.kind === "type") {
      return (
        <div key={row.key} className={`${classes.row} ${classes.typeRow}`} style={{ top, width: LABEL_WIDTH + days * COLUMN_WIDTH }}>
          <div className={classes.label}>{typeName(row.roomTypeId)}</div>
        </div>
      );
    }
    const roomId = row.kind === "room" ? row.room.id : null;
    const rowClass = [classes.row, row.kind === "unassigned" ? classes.unassignedRow : "", drag?.moved && drag.over === index ? classes.dropTarget : ""].join(" ");
    return (
      <div key={row.key} className={rowClass} style={{ top, width: LABEL_WIDTH + days * COLUMN_WIDTH }} data-testid={roomId === null ? undefined : `tape-row-${roomId}`}>
        <div className={classes.label} title={row.kind === "room" ? t(`tapeChart.housekeeping.${row.room.housekeeping}`, { defaultValue: row.room.housekeeping }) : undefined}>
          {row.kind === "room" ? (
            <>
              <span className={classes.roomNumber}>{row.room.number}</span> <span className={classes.dimmed}>{typeName(row.roomTypeId)}</span>
            </>
          ) : (
            <span className={classes.dimmed}>{t("tapeChart.unassigned")}</span>
          )}
        </div>
        {visibleCols.map(({ date, col }) => {
          const focused = index === focusRow && col === focusCol;
          const cellClass = [classes.cell, date === businessDate ? classes.today : "", weekday(date) % 6 === 0 ? classes.weekend : "", focused ? classes.focused : ""].join(" ");
          return (
            <div
              key={date}
              className={cellClass}
              style={{ left: LABEL_WIDTH + col * COLUMN_WIDTH }}
              data-testid={roomId === null ? undefined : `tape-cell-${roomId}-${date}`}
              data-focused={focused || undefined}
              onClick={() => setFocus({ row: index, col })}
            />
          );
        })}
        {row.kind === "room" &&
          row.room.blocks.map(([from, to, kind, reason]) => {
            const span = columnSpan(from, to, dates[0], days);
            if (!span) return null;
            return (
              <div
                key={`${from}-${kind}`}
                className={classes.block}
                title={`${t(`tapeChart.block.${kind}`, { defaultValue: kind })}${reason ? `: ${reason}` : ""}`}
                style={{ left: LABEL_WIDTH + span.start * COLUMN_WIDTH, width: (span.end - span.start) * COLUMN_WIDTH }}
              />
            );
          })}
        {row.bars.map(renderBar)}
        {index === focusRow && <div className={classes.focusRing} style={{ left: LABEL_WIDTH + focusCol * COLUMN_WIDTH }} />}
      </div>
    );
  };

  return (
    <div
      ref={scroller}
      className={classes.scroller}
      role="grid"
      aria-label={t("nav.tape-chart")}
      aria-rowcount={rows.length}
      aria-colcount={days}
      tabIndex={0}
      data-testid="tape-grid"
      onScroll={measure}
      onKeyDown={onKeyDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
    >
      <div className={classes.canvas} style={{ width: LABEL_WIDTH + days * COLUMN_WIDTH, height: HEADER_HEIGHT + rows.length * ROW_HEIGHT }}>
        <div className={classes.header} style={{ height: HEADER_HEIGHT }}>
          <div className={classes.corner} />
          {visibleCols.map(({ date, col }) => (
            <div
              key={date}
              className={[classes.dateHead, date === businessDate ? classes.todayHead : "", weekday(date) % 6 === 0 ? classes.weekend : ""].join(" ")}
              style={{ left: LABEL_WIDTH + col * COLUMN_WIDTH }}
              data-today={date === businessDate || undefined}
              title={date}
            >
              <span>{t(`tapeChart.weekday.${weekday(date)}`)}</span>
              <span>{date.slice(5).replace("-", "/")}</span>
            </div>
          ))}
        </div>
        {rows.slice(firstRow, lastRow).map((row, i) => renderRow(row, firstRow + i))}
      </div>
    </div>
  );
}
