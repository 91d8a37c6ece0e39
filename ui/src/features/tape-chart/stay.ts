// Small exact sums about one stay on the chart.
import { roundMoney } from "../../shared/money";

/** The average price of a night: total ÷ nights at the currency's digits, half away from zero, no float. */
export function perNight(total: string, nights: number, digits: number): string {
  const rounded = roundMoney(total, digits);
  if (nights <= 1) return rounded;
  const negative = rounded.startsWith("-");
  const units = BigInt(rounded.replace(/^[-+]/, "").replace(".", ""));
  const n = BigInt(nights);
  const quotient = units / n;
  const each = (units % n) * 2n >= n ? quotient + 1n : quotient;
  const text = each.toString().padStart(digits + 1, "0");
  const whole = text.slice(0, text.length - digits);
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : "";
  return `${negative && each !== 0n ? "-" : ""}${whole}${fraction}`;
}
