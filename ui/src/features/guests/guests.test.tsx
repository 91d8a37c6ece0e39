import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { ApiError, IdDocumentView, MrzData } from "../../ipc/client";
import { apiError } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { IdDocumentFields, IdNumberText, MrzInput, type IdDocumentValue } from ".";

const CHECKED: IdDocumentView = {
  kind: "china_resident_id",
  number: "11010519491231002X",
  masked: "110105********002X",
  regionCode: "110105",
  province: { code: "11", nameZh: "北京市", nameEn: "Beijing" },
  birthDate: "1949-12-31",
  sex: "female",
  nationality: "CHN",
};

const LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
const LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
const SPECIMEN: MrzData = {
  documentCode: "P", issuingState: "UTO", surname: "ERIKSSON", givenNames: "ANNA MARIA", nationality: "UTO",
  documentNumber: "L898902C3", birthDate: "1974-08-12", sex: "female", expiryDate: "2012-04-15", optionalData: "ZE184226B",
};

function Fields({ onChecked, error }: { onChecked?: (view: IdDocumentView) => void; error?: ApiError }) {
  const [value, setValue] = useState<IdDocumentValue>({ kind: "china_resident_id", number: "" });
  return <IdDocumentFields value={value} onChange={setValue} onChecked={onChecked} error={error} />;
}

describe("IdDocumentFields", () => {
  it("checks the number in Rust when the field is left and shows what the ID says", async () => {
    const onChecked = vi.fn();
    const { calls } = await renderWithIpc({ check_id_document: () => CHECKED }, <Fields onChecked={onChecked} />);
    const number = screen.getByTestId("id-number");
    await userEvent.type(number, "110105 19491231 002x");
    expect(calls).not.toHaveBeenCalledWith("check_id_document", expect.anything());
    await userEvent.tab();
    await vi.waitFor(() => expect(number).toHaveAttribute("data-checked", "true"));
    expect(calls).toHaveBeenCalledWith("check_id_document", { input: { kind: "china_resident_id", number: "110105 19491231 002x" } });
    expect(number).toHaveValue("11010519491231002X");
    expect(screen.getByText("北京市 · 出生于 1949-12-31 · 女")).toBeInTheDocument();
    expect(onChecked).toHaveBeenCalledWith(CHECKED);
  });

  it("shows Rust's message beside the number and clears it when the number changes", async () => {
    await renderWithIpc(
      { check_id_document: () => { throw apiError("errors.identity.resident_id_check_character", { field: "idNumber" }); } },
      <Fields />,
      "en-US",
    );
    const number = screen.getByTestId("id-number");
    await userEvent.type(number, "110105194912310021");
    await userEvent.tab();
    expect(await screen.findByText(/The check character \(the last one\) does not match/)).toBeInTheDocument();
    expect(number).toHaveAttribute("aria-invalid", "true");
    await userEvent.type(number, "{backspace}");
    expect(screen.queryByText(/The check character/)).toBeNull();
  });

  it("shows an error the form's save named for the number", async () => {
    await renderWithIpc({}, <Fields error={apiError("errors.identity.resident_id_birth_future", { field: "idNumber", date: "2027-01-01" })} />);
    expect(screen.getByText("证件号码中的出生日期（2027-01-01）晚于今天。")).toBeInTheDocument();
  });
});

describe("MrzInput", () => {
  it("reads the passport once the scanner completes the second line", async () => {
    const onScanned = vi.fn();
    const { calls } = await renderWithIpc({ parse_mrz: () => SPECIMEN }, <MrzInput onScanned={onScanned} today="2026-11-23" />);
    const area = screen.getByTestId("mrz-input");
    await userEvent.type(area, `${LINE1}{enter}${LINE2.slice(0, 43)}`);
    expect(calls).not.toHaveBeenCalledWith("parse_mrz", expect.anything());
    await userEvent.type(area, `${LINE2.slice(43)}{enter}`);
    await vi.waitFor(() => expect(onScanned).toHaveBeenCalledWith(SPECIMEN));
    expect(calls.mock.calls.filter(([cmd]) => cmd === "parse_mrz")).toEqual([["parse_mrz", { text: `${LINE1}\n${LINE2}` }]]);
    expect(screen.getByText("已读取护照：ANNA MARIA ERIKSSON，UTO，有效期至 2012-04-15")).toBeInTheDocument();
    expect(screen.getByText("此护照已于 2012-04-15 过期。")).toBeInTheDocument();
  });

  it("names the check digit that failed", async () => {
    const onScanned = vi.fn();
    await renderWithIpc(
      { parse_mrz: () => { throw apiError("errors.identity.mrz_check_birth_date", { field: "mrz" }); } },
      <MrzInput onScanned={onScanned} />,
      "en-US",
    );
    await userEvent.type(screen.getByTestId("mrz-input"), `${LINE1}{enter}${LINE2.replace("7408122", "7408125")}`);
    expect(await screen.findByText("The check digit of the date of birth (line 2, position 20) does not match.")).toBeInTheDocument();
    expect(onScanned).not.toHaveBeenCalled();
  });
});

describe("IdNumberText", () => {
  it("marks a masked number as such", async () => {
    await renderWithIpc({}, <IdNumberText kind="china_resident_id" number="110105********002X" />, "en-US");
    const text = screen.getByTestId("id-number-text");
    expect(text).toHaveTextContent("China resident ID 110105********002X");
    expect(text).toHaveAttribute("data-masked", "true");
    expect(screen.getByTitle("Masked: your role may not see whole ID numbers")).toBeInTheDocument();
  });
});
