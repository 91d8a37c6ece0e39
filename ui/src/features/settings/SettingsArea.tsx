// Settings: one tab per concern, each shown only to those whose permissions allow it.
import { Tabs, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import { useRoute } from "../../app/navigation";
import type { Permission } from "../../ipc/client";
import { AuditTab } from "../audit/AuditTab";
import { ChargeCodesTab } from "../folios/ChargeCodesTab";
import { NumberSeriesTab } from "../invoices/NumberSeriesTab";
import { BackupsTab } from "../backups/BackupsTab";
import { MailSettingsTab } from "../mail/MailSettingsTab";
import { OutboxTab } from "../mail/OutboxTab";
import { PromotionsTab } from "../promotions/PromotionsTab";
import { RatesTab } from "../rates/RatesTab";
import { RolesTab } from "../roles/RolesTab";
import { RoomsTab } from "../rooms/RoomsTab";
import { UsersTab } from "../users/UsersTab";
import { ConnectionTab } from "./ConnectionTab";
import { GeneralTab } from "./GeneralTab";
import { PropertyTab } from "./PropertyTab";

interface SettingsTab {
  id: string;
  /** Null: everyone in Settings sees it; a list: any one of them. */
  needs: Permission | Permission[] | null;
  render: () => React.ReactNode;
}

const TABS: SettingsTab[] = [
  { id: "property", needs: "settings.manage", render: () => <PropertyTab /> },
  { id: "rooms", needs: "rooms.manage", render: () => <RoomsTab /> },
  { id: "rates", needs: "rates.manage", render: () => <RatesTab /> },
  { id: "promotions", needs: "rates.manage", render: () => <PromotionsTab /> },
  { id: "general", needs: null, render: () => <GeneralTab /> },
  { id: "users", needs: "users.view", render: () => <UsersTab /> },
  { id: "roles", needs: "users.view", render: () => <RolesTab /> },
  { id: "audit", needs: "audit.view", render: () => <AuditTab /> },
  { id: "email", needs: "settings.manage", render: () => <MailSettingsTab /> },
  { id: "outbox", needs: ["reservations.manage", "settings.manage"], render: () => <OutboxTab /> },
  { id: "backups", needs: "backups.manage", render: () => <BackupsTab /> },
  { id: "connection", needs: "connection.manage", render: () => <ConnectionTab /> },
  { id: "chargeCodes", needs: "settings.manage", render: () => <ChargeCodesTab /> },
  { id: "numberSeries", needs: "settings.manage", render: () => <NumberSeriesTab /> },
];

export function SettingsArea({ tab }: { tab: string | null }) {
  const { t } = useTranslation();
  const { can } = useAppState();
  const [, navigate] = useRoute();
  const tabs = TABS.filter((x) => x.needs === null || [x.needs].flat().some(can));
  const active = tabs.find((x) => x.id === tab) ?? tabs[0];

  return (
    <section aria-labelledby="settings-title">
      <Title order={1} size="h3" id="settings-title" mb="sm">
        {t("nav.settings")}
      </Title>
      <Tabs value={active.id} onChange={(value) => value && navigate("settings", value)} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((x) => (
            <Tabs.Tab key={x.id} value={x.id} data-testid={`settings-tab-${x.id}`}>
              {t(`settings.tabs.${x.id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((x) => (
          <Tabs.Panel key={x.id} value={x.id}>
            {x.id === active.id && x.render()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </section>
  );
}
