// Opens the confirmation preview for one booking number or several; render `element` somewhere.
import { useState, type ReactNode } from "react";
import { ConfirmationPreview } from "./ConfirmationPreview";

export function useConfirmationPreview(): { open: (bookingNos: string[]) => void; element: ReactNode } {
  const [bookingNos, setBookingNos] = useState<string[] | null>(null);
  const element = bookingNos && bookingNos.length > 0 ? <ConfirmationPreview bookingNos={bookingNos} onClose={() => setBookingNos(null)} /> : null;
  return { open: setBookingNos, element };
}
