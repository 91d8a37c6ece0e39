// Money as exact decimal strings ("1234.50"): parsing, adding, rounding and locale formatting, never via float.

/** A decimal amount as sign, digits and scale: "-12.30" is { negative: true, units: 1230n, scale: 2 }. */
interface Decimal {
  negative: boolean;
  units: bigint;
  scale: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** True when the text is a plain decimal number such as "12", "-0.5" or "1234.50". */
export function isDecimal(text: string): boolean {
  const m = DECIMAL.exec(text.trim());
  return m !== null && (m[2] !== "" || (m[3] ?? "") !== "");
}

function parse(text: string): Decimal {
  const m = DECIMAL.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new RangeError(`not a decimal amount: ${text}`);
  const fraction = m[3] ?? "";
  const units = BigInt((m[2] || "0") + fraction);
  return { negative: m[1] === "-" && units !== 0n, units, scale: fraction.length };
}

function rescale(d: Decimal, scale: number): bigint {
  const signed = d.negative ? -d.units : d.units;
  if (scale >= d.scale) return signed * 10n ** BigInt(scale - d.scale);
  // Round half away from zero, the usual rule on Chinese invoices and folios.
  const divisor = 10n ** BigInt(d.scale - scale);
  const quotient = d.units / divisor;
  const remainder = d.units % divisor;
  const rounded = remainder * 2n >= divisor ? quotient + 1n : quotient;
  return d.negative ? -rounded : rounded;
}

function render(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** Rounds an amount to `digits` decimals (half away from zero): roundMoney("2.345", 2) === "2.35". */
export function roundMoney(amount: string, digits: number): string {
  return render(rescale(parse(amount), digits), digits);
}

/** Exact sum of decimal strings, kept at the largest scale: addMoney("0.10", "0.20") === "0.30". */
export function addMoney(...amounts: string[]): string {
  const parsed = amounts.map(parse);
  const scale = Math.max(0, ...parsed.map((d) => d.scale));
  const total = parsed.reduce((sum, d) => sum + rescale(d, scale), 0n);
  return render(total, scale);
}

/** The amount with its sign turned: negateMoney("12.30") === "-12.30". */
export function negateMoney(amount: string): string {
  const d = parse(amount);
  return render(-rescale(d, d.scale), d.scale);
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`, compared exactly. */
export function compareMoney(a: string, b: string): number {
  const d = parse(addMoney(a, negateMoney(b)));
  return d.units === 0n ? 0 : d.negative ? -1 : 1;
}

/**
 * Formats a decimal string as money in a locale, e.g. ("1234.50", "CNY", "zh-CN") → "¥1,234.50".
 * Intl supplies the symbol, grouping and sign pattern; the digits come from the string (BigInt), so no
 * amount ever passes through a float.
 */
export function formatMoney(amount: string, currency: string, locale: string, digits = 2): string {
  const d = parse(amount);
  const units = rescale(d, digits);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const divisor = 10n ** BigInt(digits);
  const whole = abs / divisor;
  const fraction = (abs % divisor).toString().padStart(digits, "0");

  const currencyFormat = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  const grouped = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(whole);
  const decimalSign = currencyFormat.formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";

  let out = "";
  let numberWritten = false;
  for (const part of currencyFormat.formatToParts(negative ? -1 : 1)) {
    if (part.type === "integer") {
      if (!numberWritten) out += grouped + (digits > 0 ? decimalSign + fraction : "");
      numberWritten = true;
    } else if (part.type !== "decimal" && part.type !== "fraction" && part.type !== "group") {
      out += part.value;
    }
  }
  return out;
}

/** Formats a plain integer count with locale grouping (rooms, nights, sizes). */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}
