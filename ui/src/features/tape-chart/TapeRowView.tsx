// One row of the tape chart: its label, the nights in view, out-of-order blocks, stays, the selection and focus.
// Pointer presses are read by the grid from the data-row / data-col / data-bar attributes (one listener, no
// handler per cell), so a row re-renders only when something it shows changes.
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { TapeBar } from "../../ipc/client";
import { reservationStateColor } from "../../shared/reservationStates";
import { nightsBetween, weekday } from "../reservations/queries";
import { canChangeDates, columnSpan, COLUMN_WIDTH, HEADER_HEIGHT, LABEL_WIDTH, ROW_HEIGHT, type TapeRow } from "./layout";
import classes from "./tape-chart.module.css";

export interface TapeRowViewProps {
  row: TapeRow;
  index: number;
  dates: string[];
  firstCol: number;
  lastCol: number;
  businessDate: string;
  typeName: (roomTypeId: number) => string;
  /** The focused column when the focus is in this row. */
  focusCol: number | null;
  /** Columns [start, end] selected in this row. */
  selected: { start: number; end: number } | null;
  /** The stay under the keyboard focus (outlined instead of the focused cell). */
  focusedBar: number | null;
  /** The stay being dragged to another row, shown faded. */
  draggingBar: number | null;
  /** The stay whose end is being dragged, drawn to its new departure. */
  resizing: { id: number; departure: string } | null;
  dropTarget: boolean;
}

function Label({ row, typeName }: { row: TapeRow; typeName: (id: number) => string }) {
  const { t } = useTranslation();
  if (row.kind === "type") return <div className={classes.label}>{typeName(row.roomTypeId)}</div>;
  if (row.kind === "floor") return <div className={classes.label}>{t("tapeChart.floor", { floor: row.floor })}</div>;
  if (row.kind === "waiting") return <div className={classes.label}>{t("tapeChart.unassigned")}</div>;
  if (row.kind === "unassigned") {
    return <div className={`${classes.label} ${classes.dimmed}`}>{row.underType ? t("tapeChart.unassigned") : typeName(row.roomTypeId)}</div>;
  }
  return (
    <div className={classes.label} title={t(`tapeChart.housekeeping.${row.room.housekeeping}`, { defaultValue: row.room.housekeeping })}>
      <span className={classes.roomNumber}>{row.room.number}</span> <span className={classes.dimmed}>{typeName(row.roomTypeId)}</span>
    </div>
  );
}

function TapeRowViewImpl(props: TapeRowViewProps) {
  const { row, index, dates, firstCol, lastCol, businessDate, typeName, focusCol, selected, focusedBar, draggingBar, resizing, dropTarget } = props;
  const { t } = useTranslation();
  const days = dates.length;
  const top = HEADER_HEIGHT + index * ROW_HEIGHT;
  const width = LABEL_WIDTH + days * COLUMN_WIDTH;
  if (row.kind === "type" || row.kind === "floor" || row.kind === "waiting") {
    return (
      <div className={`${classes.row} ${classes.groupRow}`} style={{ top, width }} role="row">
        <Label row={row} typeName={typeName} />
      </div>
    );
  }
  const roomId = row.kind === "room" ? row.room.id : null;
  const rowClass = [classes.row, row.kind === "unassigned" ? classes.unassignedRow : "", dropTarget ? classes.dropTarget : ""].join(" ");

  const renderBar = (bar: TapeBar) => {
    const departure = resizing?.id === bar.reservationId ? resizing.departure : bar.departure;
    const span = columnSpan(bar.arrival, departure, dates[0], days);
    if (!span || span.end <= firstCol || span.start >= lastCol) return null;
    const color = reservationStateColor(bar.state);
    const className = [
      classes.bar,
      bar.overbooked ? classes.overbooked : "",
      draggingBar === bar.reservationId ? classes.dragging : "",
      resizing?.id === bar.reservationId ? classes.resizing : "",
      focusedBar === bar.reservationId ? classes.barFocused : "",
    ].join(" ");
    // The end handle only where the stay really ends in view and its dates may still change.
    const endsInView = nightsBetween(dates[0], departure) <= days;
    return (
      <div
        key={bar.reservationId}
        className={className}
        data-bar={bar.reservationId}
        data-testid={`tape-bar-${bar.reservationId}`}
        data-state={bar.state}
        style={{
          left: LABEL_WIDTH + span.start * COLUMN_WIDTH,
          width: (span.end - span.start) * COLUMN_WIDTH - 2,
          background: `var(--mantine-color-${color}-2)`,
          borderColor: `var(--mantine-color-${color}-6)`,
        }}
      >
        {bar.guestName}
        {endsInView && canChangeDates(bar) && (
          <span className={classes.handle} data-handle data-testid={`tape-bar-end-${bar.reservationId}`} title={t("tapeChart.dragEnd")} />
        )}
      </div>
    );
  };

  return (
    <div key={row.key} className={rowClass} style={{ top, width }} role="row" data-row={index} data-testid={roomId === null ? undefined : `tape-row-${roomId}`}>
      <Label row={row} typeName={typeName} />
      {dates.slice(firstCol, lastCol).map((date, i) => {
        const col = firstCol + i;
        const cellClass = [classes.cell, date === businessDate ? classes.today : "", weekday(date) % 6 === 0 ? classes.weekend : ""].join(" ");
        return (
          <div
            key={date}
            className={cellClass}
            style={{ left: LABEL_WIDTH + col * COLUMN_WIDTH }}
            role="gridcell"
            data-col={col}
            data-testid={roomId === null ? undefined : `tape-cell-${roomId}-${date}`}
            data-focused={col === focusCol || undefined}
            data-selected={(selected !== null && col >= selected.start && col <= selected.end) || undefined}
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
      {selected && (
        <div
          className={classes.selection}
          data-testid="tape-selection"
          style={{ left: LABEL_WIDTH + selected.start * COLUMN_WIDTH, width: (selected.end - selected.start + 1) * COLUMN_WIDTH }}
        >
          {t("tapeChart.nights", { count: selected.end - selected.start + 1 })}
        </div>
      )}
      {row.bars.map(renderBar)}
      {focusCol !== null && focusedBar === null && <div className={classes.focusRing} style={{ left: LABEL_WIDTH + focusCol * COLUMN_WIDTH }} />}
    </div>
  );
}

export const TapeRowView = memo(TapeRowViewImpl);
