import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect } from "react";
import { describe, expect, it, vi } from "vitest";
import { useAppState } from "../../app/app-state";
import type { InvoiceDraft, InvoiceView } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { InvoicesList } from "./InvoicesList";
import { IssueInvoiceDialog } from "./IssueInvoiceDialog";
import { checkTaxpayerId } from "./taxpayer";

vi.mock("../documents/PdfPages", () => ({
  PdfPages: ({ bytes, onPages }: { bytes: Uint8Array; onPages?: (count: number) => void }) => {
    useEffect(() => onPages?.(1), [onPages]);
    return <div data-testid="pdf-stand-in">{new TextDecoder().decode(bytes)}</div>;
  },
}));

function draft(overrides: Partial<InvoiceDraft> = {}): InvoiceDraft {
  return { folioId: 7, folioNumber: "F000007", buyerName: "张伟", total: "367.00", tax: "20.77", balance: "0.00", currency: "CNY", invoicedAs: null, ...overrides };
}

function invoice(overrides: Partial<InvoiceView> = {}): InvoiceView {
  return {
    id: 1, kind: "invoice", number: "INV000001", folioId: 7, folioNumber: "F000007", businessDate: "2026-11-23",
    issuedAt: "2026-11-23T10:00:00Z", issuedBy: "李前台", buyerName: "上海悦行商务咨询有限公司", taxpayerId: "91350100M000100Y43",
    total: "367.00", tax: "20.77", currency: "CNY", reason: "", creditsNumber: null, creditedBy: null, ...overrides,
  };
}

function List({ folioId }: { folioId?: number }) {
  const { session: current } = useAppState();
  return current ? <InvoicesList folioId={folioId} /> : null;
}

describe("taxpayer IDs", () => {
  it("checks the unified social credit code's check character and allows a personal invoice", () => {
    expect(checkTaxpayerId("")).toBeNull();
    expect(checkTaxpayerId("91350100m000100y43")).toBeNull();
    expect(checkTaxpayerId("91350100M000100Y44")?.key).toBe("errors.validation.invalid");
    expect(checkTaxpayerId("110108123456789")).toBeNull();
    expect(checkTaxpayerId("12345")?.params.field).toBe("taxpayerId");
  });
});

describe("issue invoice dialog", () => {
  it("suggests the guest, refuses a wrong taxpayer ID beside the field, then issues", async () => {
    const issued = vi.fn();
    const { calls } = await renderWithIpc(
      { invoice_draft: () => draft(), issue_invoice: () => invoice() },
      <IssueInvoiceDialog folioId={7} onClose={() => {}} onIssued={issued} />,
    );
    expect(await screen.findByText("开具发票 · 账单 F000007")).toBeInTheDocument();
    expect(screen.getByTestId("issue-invoice-total")).toHaveTextContent("367.00");
    const buyer = screen.getByTestId("issue-invoice-buyer");
    expect(buyer).toHaveValue("张伟");
    await userEvent.clear(buyer);
    await userEvent.type(buyer, "上海悦行商务咨询有限公司");
    await userEvent.type(screen.getByTestId("issue-invoice-taxpayer"), "91350100M000100Y44");
    await userEvent.click(screen.getByTestId("issue-invoice-submit"));
    expect(await screen.findByText("纳税人识别号格式不正确。")).toBeInTheDocument();
    expect(calls).not.toHaveBeenCalledWith("issue_invoice", expect.anything());

    await userEvent.clear(screen.getByTestId("issue-invoice-taxpayer"));
    await userEvent.type(screen.getByTestId("issue-invoice-taxpayer"), "91350100 m000100y43");
    await userEvent.click(screen.getByTestId("issue-invoice-submit"));
    await vi.waitFor(() => expect(issued).toHaveBeenCalled());
    expect(calls).toHaveBeenCalledWith("issue_invoice", {
      folioId: 7,
      buyer: { name: "上海悦行商务咨询有限公司", taxpayerId: "91350100M000100Y43" },
    });
  });

  it("explains an unsettled folio with its balance and does not offer to issue", async () => {
    await renderWithIpc({ invoice_draft: () => draft({ balance: "120.00" }) }, <IssueInvoiceDialog folioId={7} onClose={() => {}} />, "en-US");
    expect(await screen.findByTestId("issue-invoice-unsettled")).toHaveTextContent("its balance is CN¥120.00");
    expect(screen.getByTestId("issue-invoice-submit")).toBeDisabled();
  });

  it("shows a refusal from the core, e.g. a payment posted meanwhile", async () => {
    await renderWithIpc(
      {
        invoice_draft: () => draft(),
        issue_invoice: () => {
          throw apiError("errors.invoice.not_settled", { balance: "CNY 50.00" });
        },
      },
      <IssueInvoiceDialog folioId={7} onClose={() => {}} />,
      "en-US",
    );
    await screen.findByText("Issue invoice · folio F000007");
    await userEvent.click(screen.getByTestId("issue-invoice-submit"));
    expect(await screen.findByTestId("issue-invoice-failure")).toHaveTextContent("its balance is CNY 50.00");
  });
});

describe("invoices list", () => {
  it("lists invoices and credit notes and cancels an invoice with a reason", async () => {
    const { calls } = await renderWithIpc(
      {
        app_status: () => status(),
        current_session: () => session(),
        list_invoices: () => [
          invoice({ id: 3, number: "INV000002", buyerName: "张伟", taxpayerId: "" }),
          invoice({ id: 2, kind: "credit_note", number: "CN000001", total: "-367.00", creditsNumber: "INV000001", reason: "抬头有误" }),
          invoice({ creditedBy: "CN000001" }),
        ],
        issue_credit_note: () => invoice({ id: 4, kind: "credit_note", number: "CN000002" }),
      },
      <List />,
    );
    const fresh = await screen.findByTestId("invoice-row-3");
    expect(within(fresh).getByText("INV000002")).toBeInTheDocument();
    expect(within(fresh).getByText("发票")).toBeInTheDocument();
    const note = screen.getByTestId("invoice-row-2");
    expect(within(note).getByText("贷项通知单")).toBeInTheDocument();
    expect(within(note).getByText("冲销 INV000001")).toBeInTheDocument();
    expect(within(note).getByText(/-.*367\.00/)).toBeInTheDocument();
    const cancelled = screen.getByTestId("invoice-row-1");
    expect(within(cancelled).getByText("已由 CN000001 冲销")).toBeInTheDocument();
    expect(screen.queryByTestId("invoice-credit-1")).toBeNull();
    expect(screen.queryByTestId("invoice-credit-2")).toBeNull();

    await userEvent.click(screen.getByTestId("invoice-credit-3"));
    await userEvent.click(await screen.findByTestId("credit-note-submit"));
    expect(await screen.findByText("请填写原因。")).toBeInTheDocument();
    await userEvent.type(screen.getByTestId("credit-note-reason"), "金额有误");
    await userEvent.click(screen.getByTestId("credit-note-submit"));
    await vi.waitFor(() => expect(calls).toHaveBeenCalledWith("issue_credit_note", { invoiceId: 3, reason: "金额有误" }));
  });

  it("opens an invoice's PDF and hides credit notes from a desk without the void permission", async () => {
    const { calls } = await renderWithIpc(
      {
        app_status: () => status(),
        current_session: () => session(["invoices.issue", "folios.post"]),
        list_invoices: () => [invoice()],
        document_pdf: () => ({ fileName: "invoice-INV000001.pdf", base64: btoa("%PDF-1.7 invoice") }),
      },
      <List folioId={7} />,
    );
    await screen.findByTestId("invoice-row-1");
    expect(calls).toHaveBeenCalledWith("list_invoices", { filter: { from: null, to: null, kind: null, search: null, folioId: 7 } });
    expect(screen.queryByTestId("invoice-credit-1")).toBeNull();
    await userEvent.click(screen.getByTestId("invoice-open-1"));
    expect(await screen.findByTestId("pdf-stand-in")).toHaveTextContent("%PDF-1.7 invoice");
    expect(calls).toHaveBeenCalledWith("document_pdf", { document: { kind: "invoice", id: 1 } });
    expect(screen.getByText("发票 INV000001")).toBeInTheDocument();
    expect(screen.getByTestId("document-email-open")).toBeInTheDocument();
  });

  it("says what to do when there are no invoices", async () => {
    await renderWithIpc({ app_status: () => status(), current_session: () => session(), list_invoices: () => [] }, <List />);
    expect(await screen.findByText("暂无发票")).toBeInTheDocument();
  });
});
