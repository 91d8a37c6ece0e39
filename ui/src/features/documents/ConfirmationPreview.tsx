// The booking confirmation of one booking number or several (batch print from the reservation list), in the
// general document preview.
import { DocumentPreview } from "./DocumentPreview";

export function ConfirmationPreview({ bookingNos, onClose }: { bookingNos: string[]; onClose: () => void }) {
  return <DocumentPreview document={{ kind: "confirmation", bookingNos }} onClose={onClose} />;
}
