// What an empty list or a not-yet-built area shows: what it is and what to do next.
import type { ReactNode } from "react";
import classes from "./layout.module.css";

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <div className={classes.empty} role="status">
      <div className={classes.emptyTitle}>{title}</div>
      {hint && <div>{hint}</div>}
      {action}
    </div>
  );
}
