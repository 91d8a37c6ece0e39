import { describe, expect, it } from "vitest";
import { addMoney, formatMoney, isDecimal, roundMoney } from "./money";
import { formatBytes, formatDate } from "./dates";

describe("money", () => {
  it("formats a CNY amount for a Chinese desk", () => {
    expect(formatMoney("1234.50", "CNY", "zh-CN")).toBe("¥1,234.50");
  });

  it("keeps every digit of amounts a float would mangle", () => {
    expect(formatMoney("12345678901234567.89", "CNY", "zh-CN")).toBe("¥12,345,678,901,234,567.89");
  });

  it("shows negative amounts (refunds) with the locale's sign pattern", () => {
    expect(formatMoney("-0.50", "CNY", "zh-CN")).toBe("-¥0.50");
    expect(formatMoney("-1234.5", "USD", "en-US")).toBe("-$1,234.50");
  });

  it("follows the property's currency digits", () => {
    expect(formatMoney("1500", "JPY", "en-US", 0)).toBe("¥1,500");
    expect(formatMoney("2.345", "CNY", "zh-CN", 2)).toBe("¥2.35");
  });

  it("adds 0.10 and 0.20 to exactly 0.30", () => {
    expect(addMoney("0.10", "0.20")).toBe("0.30");
    expect(addMoney("19.99", "-20", "0.01")).toBe("0.00");
  });

  it("rounds half away from zero", () => {
    expect(roundMoney("-2.345", 2)).toBe("-2.35");
    expect(roundMoney("2.344", 2)).toBe("2.34");
  });

  it("recognises what a user may type as an amount", () => {
    expect(isDecimal("5000.00")).toBe(true);
    expect(isDecimal("5,000")).toBe(false);
    expect(isDecimal("")).toBe(false);
  });
});

describe("dates", () => {
  it("shows a business date without shifting it by the time zone", () => {
    expect(formatDate("2026-11-23", "zh-CN")).toBe("2026年11月23日");
    expect(formatDate("2026-11-23", "en-US")).toBe("Nov 23, 2026");
  });

  it("shows backup sizes in readable units", () => {
    expect(formatBytes(1536, "en-US")).toBe("1.5 KB");
    expect(formatBytes(200, "en-US")).toBe("200 B");
  });
});
