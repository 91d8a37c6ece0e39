// Choices offered in forms: currencies a Chinese hotel meets and the IANA time zones.

export const CURRENCIES = ["CNY", "HKD", "MOP", "TWD", "USD", "EUR", "GBP", "JPY", "KRW", "SGD", "THB"];

/** Digits after the decimal point per ISO 4217 (the default the property form proposes). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes("Asia/Shanghai") ? zones : ["Asia/Shanghai", ...zones];
}
