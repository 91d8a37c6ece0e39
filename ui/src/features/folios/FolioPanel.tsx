// A reservation's folios: one tab per folio, the postings (voided lines struck through), the totals with the
// deposit held apart, and the actions of the cashier — charge, payment, refund, void, adjust, transfer and the
// deposit's collect / apply / refund — each a keyboard-friendly dialog.
import { Alert, Badge, Button, Group, Kbd, Loader, Table, Tabs, Text, Tooltip } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useSession } from "../../app/app-state";
import type { FolioSummary, FolioView, PostingView } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { Num } from "../../shared/components/Num";
import { formatDate } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { FolioDocuments } from "./FolioDocuments";
import { ApplyDepositDialog, ChargeDialog, CorrectDialog, MethodDialog, OpenFolioDialog, TransferDialog, type MethodMode } from "./FolioDialogs";
import classes from "./folios.module.css";
import { isPositive, useFolio, useReservationFolios } from "./queries";

type Dialog = { kind: "charge" | "apply" | "transfer" } | { kind: "method"; mode: MethodMode } | { kind: "void" | "adjust"; posting: PostingView };

export function FolioPanel({ reservationId }: { reservationId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { can } = useAppState();
  const { currencyDigits } = useSession().property;
  const folios = useReservationFolios(reservationId);
  const [selected, setSelected] = useState<number | null>(null);
  const [opening, setOpening] = useState(false);
  if (folios.error) return <Alert color="red">{errorText(folios.error)}</Alert>;
  if (!folios.data) return <Loader size="sm" aria-label={t("folios.loading")} />;
  const list = folios.data;
  const current = list.find((f) => f.id === selected) ?? list[0];
  if (!current) return <EmptyState title={t("folios.none")} hint={t("folios.noneHint")} />;

  return (
    <div className={classes.panel} data-testid="folio-panel">
      <Tabs value={String(current.id)} onChange={(v) => v && setSelected(Number(v))} keepMounted={false}>
        <Group justify="space-between" wrap="nowrap" mb="xs">
          <Tabs.List>
            {list.map((f) => (
              <Tabs.Tab key={f.id} value={String(f.id)} data-testid={`folio-tab-${f.number}`}>
                {f.number}
                {(f.label || f.payerName) && ` · ${f.label || f.payerName}`}
                {f.state === "closed" && (
                  <Badge size="xs" ml={6} color="gray">
                    {t("folios.states.closed")}
                  </Badge>
                )}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {can("folios.post") && (
            <Button size="xs" variant="default" onClick={() => setOpening(true)} data-testid="folio-open">
              {t("folios.open.button")}
            </Button>
          )}
        </Group>
      </Tabs>
      <FolioDetail key={current.id} folio={current} folios={list} digits={currencyDigits} onSwitch={setSelected} />
      {opening && (
        <OpenFolioDialog
          reservationId={reservationId}
          digits={currencyDigits}
          onClose={() => setOpening(false)}
          onOpened={(next) => {
            setOpening(false);
            setSelected(next[next.length - 1]?.id ?? null);
            void folios.refetch();
          }}
        />
      )}
    </div>
  );
}

/** Whether a posting may be voided today: not a correction, not voided, of the open business date. */
function voidable(p: PostingView, businessDate: string): boolean {
  return p.voidsId === null && p.voidedBy === null && p.kind !== "transfer" && p.businessDate === businessDate;
}

/** Whether a posting may be adjusted: not a void or transfer, from an earlier (closed) date. */
function adjustable(p: PostingView, businessDate: string): boolean {
  return p.voidsId === null && p.kind !== "transfer" && p.businessDate < businessDate;
}

function FolioDetail({ folio, folios, digits, onSwitch }: { folio: FolioSummary; folios: FolioSummary[]; digits: number; onSwitch: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { can } = useAppState();
  const { currency } = useSession().property;
  const query = useFolio(folio.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const view = query.data;
  const open = (view?.folio.state ?? folio.state) === "open";
  const mayPost = open && can("folios.post");
  useHotkeys(
    mayPost && !dialog
      ? [
          ["alt+C", () => setDialog({ kind: "charge" })],
          ["alt+P", () => setDialog({ kind: "method", mode: "payment" })],
        ]
      : [],
  );
  if (query.error) return <Alert color="red">{errorText(query.error)}</Alert>;
  if (!view) return <Loader size="sm" aria-label={t("folios.loading")} />;
  const money = (amount: string) => formatMoney(amount, currency, i18n.language, digits);
  const posting = view.postings.find((p) => p.id === picked) ?? null;
  const totals = view.folio.totals;
  const done = (answer: FolioView) => {
    setDialog(null);
    if (answer.folio.id !== folio.id) {
      notifications.show({ color: "teal", message: t("folios.routed", { folio: answer.folio.number }) });
      onSwitch(answer.folio.id);
    }
  };
  const common = { folio: view.folio, digits, onClose: () => setDialog(null), onDone: done };

  return (
    <>
      <Group gap="lg" className={classes.totals} data-testid="folio-totals">
        <Total label={t("folios.totals.charges")} value={money(totals.charges)} testId="folio-charges" />
        <Total label={t("folios.totals.tax")} value={money(totals.tax)} testId="folio-tax" />
        <Total label={t("folios.totals.payments")} value={money(totals.payments)} testId="folio-payments" />
        <Total label={t("folios.totals.balance")} value={money(totals.balance)} testId="folio-balance" strong />
        <Total label={t("folios.totals.depositHeld")} value={money(totals.depositHeld)} testId="folio-deposit" />
      </Group>
      {view.routes.length > 0 && (
        <Text size="xs" c="dimmed" mb="xs" data-testid="folio-routes">
          {t("folios.routes", { routes: view.routes.map((r) => `${r.chargeCode} → ${r.folioNumber}`).join(", ") })}
        </Text>
      )}
      <Group gap="xs" mb="sm" wrap="wrap">
        <Button size="xs" disabled={!mayPost} onClick={() => setDialog({ kind: "charge" })} rightSection={<Kbd size="xs">Alt+C</Kbd>} data-testid="folio-charge">
          {t("folios.charge.button")}
        </Button>
        <Button size="xs" disabled={!mayPost} onClick={() => setDialog({ kind: "method", mode: "payment" })} rightSection={<Kbd size="xs">Alt+P</Kbd>} data-testid="folio-payment">
          {t("folios.payment.button")}
        </Button>
        <Button size="xs" variant="default" disabled={!mayPost} onClick={() => setDialog({ kind: "method", mode: "refund" })} data-testid="folio-refund">
          {t("folios.refund.button")}
        </Button>
        <Button size="xs" variant="default" disabled={!mayPost || !/[1-9]/.test(totals.balance) || folios.filter((f) => f.state === "open").length < 2} onClick={() => setDialog({ kind: "transfer" })} data-testid="folio-transfer">
          {t("folios.transfer.button")}
        </Button>
        <Button size="xs" variant="default" disabled={!mayPost} onClick={() => setDialog({ kind: "method", mode: "deposit" })} data-testid="folio-deposit-collect">
          {t("folios.deposit.button")}
        </Button>
        <Button size="xs" variant="default" disabled={!mayPost || !isPositive(totals.depositHeld)} onClick={() => setDialog({ kind: "apply" })} data-testid="folio-deposit-apply">
          {t("folios.apply.button")}
        </Button>
        <Button size="xs" variant="default" disabled={!mayPost || !isPositive(totals.depositHeld)} onClick={() => setDialog({ kind: "method", mode: "depositRefund" })} data-testid="folio-deposit-refund">
          {t("folios.depositRefund.button")}
        </Button>
        <FolioDocuments folioId={folio.id} open={open} />
        {can("folios.void") && (
          <>
            <Tooltip label={t("folios.void.pickHint")} disabled={posting !== null}>
              <Button size="xs" color="red" variant="light" disabled={!open || !posting || !voidable(posting, view.businessDate)} onClick={() => posting && setDialog({ kind: "void", posting })} data-testid="folio-void">
                {t("folios.void.button")}
              </Button>
            </Tooltip>
            <Button size="xs" color="orange" variant="light" disabled={!open || !posting || !adjustable(posting, view.businessDate)} onClick={() => posting && setDialog({ kind: "adjust", posting })} data-testid="folio-adjust">
              {t("folios.adjust.button")}
            </Button>
          </>
        )}
      </Group>
      {view.postings.length === 0 ? (
        <EmptyState title={t("folios.empty")} hint={t("folios.emptyHint")} />
      ) : (
        <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" data-testid="folio-postings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("folios.columns.date")}</Table.Th>
              <Table.Th>{t("folios.columns.item")}</Table.Th>
              <Table.Th>{t("folios.columns.description")}</Table.Th>
              <Table.Th>{t("folios.columns.user")}</Table.Th>
              <Table.Th className="num">{t("folios.columns.amount")}</Table.Th>
              <Table.Th className="num">{t("folios.columns.tax")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.postings.map((p) => (
              <Table.Tr
                key={p.id}
                tabIndex={0}
                aria-selected={p.id === picked}
                className={[p.voidedBy !== null ? classes.voided : "", p.id === picked ? classes.picked : ""].join(" ")}
                data-voided={p.voidedBy !== null || undefined}
                data-testid={`posting-${p.id}`}
                onClick={() => setPicked(p.id)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    setPicked(p.id);
                  }
                }}
              >
                <Table.Td>{formatDate(p.businessDate, i18n.language)}</Table.Td>
                <Table.Td>
                  {p.chargeCode ? (i18n.language === "zh-CN" ? p.chargeNameZh : p.chargeNameEn) : t(`folios.kinds.${p.kind}`)}
                  {p.paymentMethod && ` · ${t(`folios.methods.${p.paymentMethod}`, { defaultValue: p.paymentMethod })}`}
                  {p.cardLast4 && ` ${p.cardBrand} ····${p.cardLast4}`}
                  {p.voidsId !== null && (
                    <Badge size="xs" color="red" ml={6}>
                      {t("folios.void.badge")}
                    </Badge>
                  )}
                  {p.adjustsId !== null && (
                    <Badge size="xs" color="orange" ml={6}>
                      {t("folios.adjust.badge")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {p.description}
                  {p.reason && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ({p.reason})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{p.username}</Table.Td>
                <Table.Td className="num">{money(p.amount)}</Table.Td>
                <Table.Td className="num">{money(p.tax)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {dialog?.kind === "charge" && <ChargeDialog {...common} />}
      {dialog?.kind === "method" && <MethodDialog {...common} mode={dialog.mode} />}
      {dialog?.kind === "apply" && <ApplyDepositDialog {...common} />}
      {dialog?.kind === "transfer" && <TransferDialog {...common} folios={folios} />}
      {(dialog?.kind === "void" || dialog?.kind === "adjust") && <CorrectDialog {...common} posting={dialog.posting} mode={dialog.kind} />}
    </>
  );
}

function Total({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={strong ? 700 : 500}>
        <Num testId={testId}>{value}</Num>
      </Text>
    </div>
  );
}
