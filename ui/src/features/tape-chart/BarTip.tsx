// The tooltip of a stay on the chart, placed under its bar (above it near the bottom) and kept inside the view.
import type { ReactNode } from "react";
import type { TapeBar } from "../../ipc/client";
import { columnSpan, COLUMN_WIDTH, HEADER_HEIGHT, LABEL_WIDTH, ROW_HEIGHT } from "./layout";
import classes from "./tape-chart.module.css";

/** The tooltip's width in the CSS module, and about its height, to keep it inside the view. */
const TIP_WIDTH = 260;
const TIP_HEIGHT = 120;

export function BarTip({
  bar,
  row,
  dates,
  view,
  canvasHeight,
  children,
}: {
  bar: TapeBar;
  row: number;
  dates: string[];
  view: { top: number; left: number; width: number; height: number };
  canvasHeight: number;
  children: ReactNode;
}) {
  const span = columnSpan(bar.arrival, bar.departure, dates[0], dates.length);
  if (!span) return null;
  const rowTop = HEADER_HEIGHT + row * ROW_HEIGHT;
  const bottom = Math.min(canvasHeight, view.top + view.height);
  const above = rowTop + ROW_HEIGHT + TIP_HEIGHT > bottom && rowTop - TIP_HEIGHT > view.top + HEADER_HEIGHT;
  const barLeft = LABEL_WIDTH + span.start * COLUMN_WIDTH;
  const left = Math.max(view.left + LABEL_WIDTH, Math.min(barLeft, view.left + view.width - TIP_WIDTH - 8));
  return (
    <div
      id="tape-tip"
      role="tooltip"
      className={above ? `${classes.tip} ${classes.tipAbove}` : classes.tip}
      style={{ left, top: above ? rowTop - 2 : rowTop + ROW_HEIGHT + 2 }}
      data-testid="tape-tip"
    >
      {children}
    </div>
  );
}
