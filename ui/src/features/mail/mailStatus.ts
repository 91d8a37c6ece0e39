// How an out-box status looks: the same colour wherever a message's status is shown.
import type { MailStatus } from "../../ipc/client";

export const MAIL_STATUS_COLOR: Record<MailStatus, string> = {
  queued: "blue",
  sending: "cyan",
  sent: "teal",
  failed: "red",
  cancelled: "gray",
};

/** Statuses a user can still act on ("retry now", "cancel"). */
export function isWaiting(status: MailStatus): boolean {
  return status === "queued" || status === "failed";
}
