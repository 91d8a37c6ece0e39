// Dates ("YYYY-MM-DD", business dates) and timestamps (RFC 3339) shown in the user's locale.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats a calendar date without any time-zone shift: ("2026-11-23", "zh-CN") → "2026年11月23日". */
export function formatDate(date: string, locale: string): string {
  const m = DATE.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(utc);
}

/** Formats an RFC 3339 timestamp in the property's time zone (falls back to the raw text if invalid). */
export function formatTimestamp(timestamp: string, locale: string, timeZone?: string): string {
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return timestamp;
  try {
    return new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      timeZone,
    }).format(at);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(at);
  }
}

/** Formats a byte count as B / KB / MB / GB with one decimal (sizes of backups). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
