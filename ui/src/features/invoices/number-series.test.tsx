import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { InvoiceNumbering } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { checkSeries, formatSeriesNumber } from "./NumberSeriesTab";

afterEach(() => {
  window.location.hash = "";
});

const NUMBERING: InvoiceNumbering = {
  invoice: { code: "INV", prefix: "INV", nextNumber: 42, width: 6, nextFormatted: "INV000042" },
  creditNote: { code: "CN", prefix: "CN", nextNumber: 1, width: 6, nextFormatted: "CN000001" },
};

describe("number series", () => {
  it("formats and checks a series as Rust does", () => {
    expect(formatSeriesNumber("fp-", 7, 4)).toBe("FP-0007");
    expect(Object.keys(checkSeries("INV", "41", "6", 42))).toEqual(["nextNumber"]);
    expect(Object.keys(checkSeries("IN V", "42", "13", 42))).toEqual(["prefix", "width"]);
    expect(checkSeries("INV", "100", "8", 42)).toEqual({});
  });

  it("shows both series in Settings, refuses a lower next number beside the field, saves a higher one", async () => {
    window.location.hash = "#/settings/numberSeries";
    const save = vi.fn((_args: Record<string, unknown>) => ({ code: "INV", prefix: "FP", nextNumber: 100, width: 8, nextFormatted: "FP00000100" }));
    await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(),
      invoice_numbering: () => NUMBERING,
      save_invoice_series: save,
    });
    expect(await screen.findByTestId("settings-tab-numberSeries")).toHaveTextContent("编号序列");
    expect(await screen.findByTestId("series-inv-preview")).toHaveTextContent("INV000042");
    expect(screen.getByTestId("series-cn-preview")).toHaveTextContent("CN000001");
    const next = screen.getByTestId("series-inv-next");
    await userEvent.clear(next);
    await userEvent.type(next, "41");
    expect(screen.getByTestId("series-inv-preview")).toHaveTextContent("–");
    await userEvent.click(screen.getByTestId("series-inv-save"));
    expect(await screen.findByText("下一个号码不能小于 42：更小的号码可能已开出。")).toBeInTheDocument();
    expect(save).not.toHaveBeenCalled();
    await userEvent.clear(next);
    await userEvent.type(next, "100");
    const prefix = screen.getByTestId("series-inv-prefix");
    await userEvent.clear(prefix);
    await userEvent.type(prefix, "fp");
    const width = screen.getByTestId("series-inv-width");
    await userEvent.clear(width);
    await userEvent.type(width, "8");
    expect(screen.getByTestId("series-inv-preview")).toHaveTextContent("FP00000100");
    await userEvent.click(screen.getByTestId("series-inv-save"));
    await vi.waitFor(() => expect(save).toHaveBeenCalledWith({ input: { code: "INV", prefix: "fp", nextNumber: 100, width: 8 } }));
    expect(await screen.findByText("已保存：下一个号码为 FP00000100")).toBeInTheDocument();
  });

  it("shows Rust's refusal of a number already issued beside the next number", async () => {
    window.location.hash = "#/settings/numberSeries";
    await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(),
      invoice_numbering: () => NUMBERING,
      save_invoice_series: () => {
        throw apiError("errors.validation.duplicate", { field: "nextNumber", value: "CN000005" });
      },
    });
    const next = await screen.findByTestId("series-cn-next");
    await userEvent.clear(next);
    await userEvent.type(next, "5");
    await userEvent.click(screen.getByTestId("series-cn-save"));
    expect(await screen.findByText("下一个号码“CN000005”已存在。")).toBeInTheDocument();
  });
});
