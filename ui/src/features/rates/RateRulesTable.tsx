// The editable price rules of a rate plan: dates, weekday checkboxes, price, closed to arrival/departure.
import { ActionIcon, Button, Checkbox, Group, Table, Text, TextInput } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../ipc/client";
import { useErrorText } from "../../shared/errors";
import { hasWeekday, WEEKDAYS, withWeekday } from "./queries";
import classes from "./rates.module.css";
import { newRule, type RuleDraft } from "./rules";

const COLUMNS = 6 + WEEKDAYS.length;

export function RateRulesTable({
  rules,
  errors,
  onChange,
}: {
  rules: RuleDraft[];
  errors: Record<number, Record<string, ApiError>>;
  onChange: (rules: RuleDraft[]) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const update = (key: number, change: Partial<RuleDraft>) => onChange(rules.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const error = (key: number, cell: string) => {
    const found = errors[key]?.[cell];
    return found ? errorText(found) : undefined;
  };

  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {t("rates.rules.title")}
        </Text>
        <Button size="compact-xs" variant="light" onClick={() => onChange([...rules, newRule()])} data-testid="rule-add">
          {t("rates.rules.add")}
        </Button>
      </Group>
      {rules.length === 0 ? (
        <Text size="xs" c="dimmed" data-testid="rules-empty">
          {t("rates.rules.empty")}
        </Text>
      ) : (
        <Table withTableBorder striped={false} className={classes.rules} data-testid="rules-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("fields.from")}</Table.Th>
              <Table.Th>{t("fields.to")}</Table.Th>
              {WEEKDAYS.map((d) => (
                <Table.Th key={d} className={classes.day}>
                  <abbr title={t(`rates.weekdays.${d}`)}>{t(`rates.weekdaysShort.${d}`)}</abbr>
                </Table.Th>
              ))}
              <Table.Th className="num">{t("fields.price")}</Table.Th>
              <Table.Th>
                <abbr title={t("rates.rules.closedToArrival")}>{t("rates.rules.cta")}</abbr>
              </Table.Th>
              <Table.Th>
                <abbr title={t("rates.rules.closedToDeparture")}>{t("rates.rules.ctd")}</abbr>
              </Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.map((rule, i) => {
              const n = i + 1;
              const rowError = error(rule.key, "row");
              return (
                <Fragment key={rule.key}>
                  <Table.Tr data-testid={`rule-${i}`}>
                    <Table.Td className={classes.date}>
                      <TextInput
                        size="xs"
                        type="date"
                        aria-label={t("rates.rules.cell", { n, field: t("fields.from") })}
                        value={rule.from}
                        onChange={(e) => update(rule.key, { from: e.currentTarget.value })}
                        error={error(rule.key, "from")}
                      />
                    </Table.Td>
                    <Table.Td className={classes.date}>
                      <TextInput
                        size="xs"
                        type="date"
                        aria-label={t("rates.rules.cell", { n, field: t("fields.to") })}
                        value={rule.to}
                        onChange={(e) => update(rule.key, { to: e.currentTarget.value })}
                        error={error(rule.key, "to")}
                      />
                    </Table.Td>
                    {WEEKDAYS.map((d) => (
                      <Table.Td key={d} className={classes.day}>
                        <div className={classes.dayBox}>
                          <Checkbox
                            size="xs"
                            aria-label={t("rates.rules.cell", { n, field: t(`rates.weekdays.${d}`) })}
                            checked={hasWeekday(rule.weekdays, d)}
                            onChange={(e) => update(rule.key, { weekdays: withWeekday(rule.weekdays, d, e.currentTarget.checked) })}
                            data-testid={`rule-${i}-${d}`}
                          />
                        </div>
                      </Table.Td>
                    ))}
                    <Table.Td className={classes.price}>
                      <TextInput
                        size="xs"
                        inputMode="decimal"
                        classNames={{ input: "num" }}
                        placeholder={t("rates.rules.basePricePlaceholder")}
                        aria-label={t("rates.rules.cell", { n, field: t("fields.price") })}
                        value={rule.price}
                        onChange={(e) => update(rule.key, { price: e.currentTarget.value })}
                        error={error(rule.key, "price")}
                        data-testid={`rule-${i}-price`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <div className={classes.dayBox}>
                        <Checkbox
                          size="xs"
                          aria-label={t("rates.rules.cell", { n, field: t("rates.rules.closedToArrival") })}
                          checked={rule.closedToArrival}
                          onChange={(e) => update(rule.key, { closedToArrival: e.currentTarget.checked })}
                        />
                      </div>
                    </Table.Td>
                    <Table.Td>
                      <div className={classes.dayBox}>
                        <Checkbox
                          size="xs"
                          aria-label={t("rates.rules.cell", { n, field: t("rates.rules.closedToDeparture") })}
                          checked={rule.closedToDeparture}
                          onChange={(e) => update(rule.key, { closedToDeparture: e.currentTarget.checked })}
                        />
                      </div>
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="red"
                        aria-label={t("rates.rules.remove", { n })}
                        onClick={() => onChange(rules.filter((r) => r.key !== rule.key))}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                  {rowError && (
                    <Table.Tr>
                      <Table.Td colSpan={COLUMNS}>
                        <Text size="xs" c="red" role="alert">
                          {rowError}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t("rates.rules.hint")}
      </Text>
    </div>
  );
}
