import { describe, expect, it } from "vitest";
import { perNight } from "./stay";

describe("average price of a night", () => {
  it("divides exactly and rounds half away from zero at the currency's digits", () => {
    expect(perNight("100.00", 3, 2)).toBe("33.33");
    expect(perNight("0.05", 2, 2)).toBe("0.03");
    expect(perNight("-10.00", 4, 2)).toBe("-2.50");
    expect(perNight("100", 3, 0)).toBe("33");
    expect(perNight("5", 1, 2)).toBe("5.00");
    expect(perNight("9007199254740993.01", 1, 2)).toBe("9007199254740993.01");
    expect(perNight("18014398509481986.02", 2, 2)).toBe("9007199254740993.01");
  });
});
