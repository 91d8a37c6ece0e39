import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect } from "react";
import { describe, expect, it, vi } from "vitest";
import { useAppState } from "../../app/app-state";
import type { ReservationView } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { ReservationsArea } from "../reservations/ReservationsArea";
import { ConfirmationPreview } from "./ConfirmationPreview";
import { decodeBase64 } from "./pdf";

// jsdom has no canvas: the pages are drawn by PDF.js in the real webview. Here the stand-in reports what
// it was given, so the test sees the bytes the command returned.
vi.mock("./PdfPages", () => ({
  PdfPages: ({ bytes, onPages }: { bytes: Uint8Array; onPages?: (count: number) => void }) => {
    useEffect(() => onPages?.(2), [onPages]);
    return <div data-testid="pdf-stand-in">{new TextDecoder().decode(bytes)}</div>;
  },
}));

const PDF = { fileName: "confirmation-B000009.pdf", base64: btoa("%PDF-1.7 stand-in") };

function reservation(overrides: Partial<ReservationView> = {}): ReservationView {
  return {
    id: 9, bookingNo: "B000009", guestId: 3, guestName: "李华", roomTypeId: 1, ratePlanId: 10, roomId: null, roomNumber: null,
    arrival: "2026-12-03", departure: "2026-12-06", adults: 2, children: 0, state: "confirmed", source: "website",
    sourceDetail: "", specialRequests: "", notes: "", total: "3534.00", cancelFee: null, overbooked: false, guarantee: "none", depositDue: "0.00", ...overrides,
  };
}

function Area() {
  const { session: current } = useAppState();
  return current ? <ReservationsArea /> : null;
}

describe("confirmation preview", () => {
  it("decodes base64 exactly", () => {
    expect([...decodeBase64(btoa("\u0000\u00ff%PDF"))]).toEqual([0, 255, 37, 80, 68, 70]);
  });

  it("shows the rendered confirmation, saves it through the system dialog and opens it to print", async () => {
    const { calls } = await renderWithIpc(
      {
        document_pdf: () => PDF,
        save_document: () => "/home/desk/confirmation-B000009.pdf",
        print_document: () => null,
      },
      <ConfirmationPreview bookingNos={["B000009"]} onClose={() => {}} />,
    );
    expect(await screen.findByText("预订确认函 B000009")).toBeInTheDocument();
    expect(await screen.findByTestId("pdf-stand-in")).toHaveTextContent("%PDF-1.7 stand-in");
    expect(screen.getByText("共 2 页")).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith("document_pdf", { document: { kind: "confirmation", bookingNos: ["B000009"] } });

    await userEvent.click(screen.getByTestId("document-save"));
    expect(await screen.findByText("已保存到 /home/desk/confirmation-B000009.pdf")).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith("save_document", { document: { kind: "confirmation", bookingNos: ["B000009"] } });

    await userEvent.click(screen.getByTestId("document-print"));
    expect(await screen.findByText("已在系统的 PDF 阅读器中打开，请在其中打印。")).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith("print_document", { document: { kind: "confirmation", bookingNos: ["B000009"] } });
  });

  it("e-mails the confirmation to the guest's address, and names the field when there is none", async () => {
    let attempts = 0;
    const { calls } = await renderWithIpc(
      {
        document_pdf: () => PDF,
        confirmation_recipient: () => "li.hua@example.cn",
        email_confirmation: () => {
          attempts += 1;
          if (attempts === 1) throw apiError("errors.validation.required", { field: "recipients" });
          return 12;
        },
      },
      <ConfirmationPreview bookingNos={["B000009"]} onClose={() => {}} />,
    );
    await screen.findByTestId("pdf-stand-in");
    await userEvent.click(screen.getByTestId("document-email-open"));
    const to = await screen.findByTestId("confirmation-email-to");
    await vi.waitFor(() => expect(to).toHaveValue("li.hua@example.cn"));
    await userEvent.clear(to);
    await userEvent.click(screen.getByTestId("confirmation-email-send"));
    expect(await screen.findByText(/收件人/, { selector: ".mantine-TextInput-error" })).toBeInTheDocument();
    await userEvent.type(to, "desk@agency.cn{Enter}");
    expect(await screen.findByText("确认函已放入发件箱，将发送至 desk@agency.cn")).toBeInTheDocument();
    expect(calls).toHaveBeenLastCalledWith("email_confirmation", { bookingNo: "B000009", to: "desk@agency.cn" });
    expect(screen.queryByTestId("confirmation-email")).not.toBeInTheDocument();
  });

  it("says nothing was saved when the save dialog is cancelled, and says so in the user's language when no program opens PDFs", async () => {
    await renderWithIpc(
      {
        document_pdf: () => PDF,
        save_document: () => null,
        print_document: () => {
          throw apiError("errors.document.no_viewer");
        },
      },
      <ConfirmationPreview bookingNos={["B000009", "B000010"]} onClose={() => {}} />,
      "en-US",
    );
    expect(await screen.findByText("Booking confirmations (2 bookings)")).toBeInTheDocument();
    await screen.findByTestId("pdf-stand-in");
    await userEvent.click(screen.getByTestId("document-save"));
    await userEvent.click(screen.getByTestId("document-print"));
    expect(await screen.findByText(/No program on this computer opens PDF files/)).toBeInTheDocument();
    expect(screen.queryByText(/Saved to/)).toBeNull();
  });

  it("shows why a confirmation cannot be rendered and offers nothing to save", async () => {
    await renderWithIpc(
      {
        document_pdf: () => {
          throw apiError("errors.common.not_found", { entity: "booking" });
        },
      },
      <ConfirmationPreview bookingNos={["B999999"]} onClose={() => {}} />,
    );
    expect(await screen.findByText("找不到该记录（booking），可能已被其他人删除。")).toBeInTheDocument();
    expect(screen.getByTestId("document-save")).toBeDisabled();
    expect(screen.getByTestId("document-print")).toBeDisabled();
  });

  it("opens from a reservation's Confirmation action in the list", async () => {
    const { calls } = await renderWithIpc(
      {
        app_status: () => status(),
        current_session: () => session(),
        list_room_types: () => [],
        list_rate_plans: () => [],
        availability: () => [],
        list_reservations: () => [reservation()],
        document_pdf: () => PDF,
      },
      <Area />,
    );
    const row = await screen.findByTestId("reservation-row-9");
    await userEvent.click(within(row).getByTestId("reservation-actions"));
    await userEvent.click(await screen.findByTestId("reservation-confirmation"));
    expect(await screen.findByText("预订确认函 B000009")).toBeInTheDocument();
    await screen.findByTestId("pdf-stand-in");
    expect(calls).toHaveBeenCalledWith("document_pdf", { document: { kind: "confirmation", bookingNos: ["B000009"] } });
  });
});
