// The room types of the hotel: a dense table with the new/edit dialog.
import { Badge, Button, Group, Table, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RoomInput, RoomTypeInput } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { roomCounts, roomTypeName } from "./queries";
import { RoomTypeDialog } from "./RoomTypeDialog";

export function RoomTypesTable({ types, rooms, loaded }: { types: RoomTypeInput[]; rooms: RoomInput[]; loaded: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<RoomTypeInput | "new" | null>(null);
  const counts = roomCounts(rooms);

  return (
    <section aria-labelledby="room-types-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="room-types-title">
          {t("rooms.types.title")}
        </Title>
        <Button size="xs" onClick={() => setEditing("new")} data-testid="room-type-new">
          {t("rooms.types.new")}
        </Button>
      </Group>
      <Table withTableBorder data-testid="room-types-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("fields.code")}</Table.Th>
            <Table.Th>{t("fields.name")}</Table.Th>
            <Table.Th className="num">{t("fields.areaM2")}</Table.Th>
            <Table.Th>{t("fields.bedType")}</Table.Th>
            <Table.Th className="num">{t("rooms.types.maxGuests")}</Table.Th>
            <Table.Th className="num">{t("rooms.types.overbooking")}</Table.Th>
            <Table.Th className="num">{t("rooms.types.roomCount")}</Table.Th>
            <Table.Th>{t("rooms.state")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {types.map((type) => (
            <Table.Tr key={type.id}>
              <Table.Td className="nowrap">{type.code}</Table.Td>
              <Table.Td>{roomTypeName(type, i18n.language)}</Table.Td>
              <Table.Td className="num">{type.areaM2 > 0 ? type.areaM2 : "–"}</Table.Td>
              <Table.Td>{type.bedType || "–"}</Table.Td>
              <Table.Td className="num">{t("rooms.types.guests", { adults: type.maxAdults, children: type.maxChildren })}</Table.Td>
              <Table.Td className="num">{t("rooms.types.overbookValue", { rooms: type.overbookRooms, percent: type.overbookPercent })}</Table.Td>
              <Table.Td className="num" data-testid={`room-type-count-${type.code}`}>
                {counts.get(type.id ?? -1) ?? 0}
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={type.active ? "teal" : "gray"}>
                  {type.active ? t("rooms.active") : t("rooms.inactive")}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <Button size="compact-xs" variant="default" onClick={() => setEditing(type)} aria-label={t("rooms.types.editTitle", { code: type.code })}>
                    {t("common.edit")}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {loaded && types.length === 0 && <EmptyState title={t("rooms.types.empty")} hint={t("rooms.types.emptyHint")} />}
      {editing && <RoomTypeDialog type={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
