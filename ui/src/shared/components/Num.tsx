// A number cell: right-aligned tabular figures so columns of amounts line up.
import type { ReactNode } from "react";

export function Num({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <span className="num" data-testid={testId}>
      {children}
    </span>
  );
}
