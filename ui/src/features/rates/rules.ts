// Price rules as the editor holds them (text fields, a stable key per row) and their checks.
import type { ApiError, RateRuleInput } from "../../ipc/client";
import { clientError } from "../../shared/errors";
import { isDecimal } from "../../shared/money";
import { ALL_WEEKDAYS } from "./queries";

export interface RuleDraft {
  /** Stable React key; never sent. */
  key: number;
  from: string;
  to: string;
  weekdays: number;
  price: string;
  closedToArrival: boolean;
  closedToDeparture: boolean;
}

let nextKey = 1;

export function newRule(): RuleDraft {
  return { key: nextKey++, from: "", to: "", weekdays: ALL_WEEKDAYS, price: "", closedToArrival: false, closedToDeparture: false };
}

export function toDraft(rule: RateRuleInput): RuleDraft {
  return {
    key: nextKey++,
    from: rule.from ?? "",
    to: rule.to ?? "",
    weekdays: rule.weekdays & ALL_WEEKDAYS,
    price: rule.price ?? "",
    closedToArrival: rule.closedToArrival,
    closedToDeparture: rule.closedToDeparture,
  };
}

export function fromDraft(rule: RuleDraft): RateRuleInput {
  const price = rule.price.trim();
  return {
    from: rule.from || null,
    to: rule.to || null,
    weekdays: rule.weekdays,
    price: price === "" ? null : price,
    closedToArrival: rule.closedToArrival,
    closedToDeparture: rule.closedToDeparture,
  };
}

/** A non-negative decimal amount or percentage. */
export function isAmount(text: string): boolean {
  return isDecimal(text) && !text.trim().startsWith("-");
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Problems of one rule by cell: `from`, `to`, `price`, and `row` for the rule as a whole
 * (no weekday ticked, or a rule that neither prices nor closes anything).
 */
export function checkRule(rule: RuleDraft): Record<string, ApiError> {
  const out: Record<string, ApiError> = {};
  if (rule.from && !DATE.test(rule.from)) out.from = clientError("errors.validation.invalid", { field: "from" });
  if (rule.to && !DATE.test(rule.to)) out.to = clientError("errors.validation.invalid", { field: "to" });
  else if (rule.from && rule.to && rule.to < rule.from) out.to = clientError("rates.rules.toBeforeFrom");
  if (rule.price.trim() !== "" && !isAmount(rule.price)) out.price = clientError("errors.validation.invalid", { field: "price" });
  if (rule.weekdays === 0) out.row = clientError("rates.rules.noDays");
  else if (rule.price.trim() === "" && !rule.closedToArrival && !rule.closedToDeparture) out.row = clientError("rates.rules.noEffect");
  return out;
}
