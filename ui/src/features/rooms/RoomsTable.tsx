// The hotel's rooms: sortable by number, floor or type (floor and type also group the rows),
// the bulk creation dialog and the edit dialog.
import { Badge, Button, Group, Table, Title, UnstyledButton } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RoomInput, RoomTypeInput } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { BulkRoomsDialog } from "./BulkRoomsDialog";
import { useFeatureList } from "./FeaturePicker";
import { compareRoomNumbers, roomTypeLabel } from "./queries";
import { RoomDialog } from "./RoomDialog";
import classes from "./rooms.module.css";

type SortKey = "number" | "floor" | "type";
const COLUMNS = 6;

interface RoomGroup {
  key: string;
  label: string | null;
  rooms: RoomInput[];
}

/** Sorts rooms by the key, then by number; floor and type also split them into labelled groups. */
export function groupRooms(rooms: RoomInput[], types: RoomTypeInput[], by: SortKey, label: (by: "floor" | "type", value: string) => string): RoomGroup[] {
  const typeCode = new Map(types.map((x) => [x.id, x.code]));
  const code = (r: RoomInput) => typeCode.get(r.roomTypeId) ?? "?";
  const sorted = [...rooms].sort((a, b) => {
    const first = by === "floor" ? a.floor - b.floor : by === "type" ? code(a).localeCompare(code(b)) : 0;
    return first || compareRoomNumbers(a.number, b.number);
  });
  if (by === "number") return [{ key: "all", label: null, rooms: sorted }];
  const groups: RoomGroup[] = [];
  for (const room of sorted) {
    const value = by === "floor" ? String(room.floor) : code(room);
    const last = groups[groups.length - 1];
    if (last?.key === value) last.rooms.push(room);
    else groups.push({ key: value, label: label(by, value), rooms: [room] });
  }
  return groups;
}

export function RoomsTable({ rooms, types, loaded }: { rooms: RoomInput[]; types: RoomTypeInput[]; loaded: boolean }) {
  const { t, i18n } = useTranslation();
  const featureList = useFeatureList();
  const [sort, setSort] = useState<SortKey>("floor");
  const [editing, setEditing] = useState<RoomInput | null>(null);
  const [bulk, setBulk] = useState(false);
  const typeById = new Map(types.map((x) => [x.id, x]));
  const groups = groupRooms(rooms, types, sort, (by, value) => {
    if (by === "floor") return t("rooms.rooms.floorGroup", { floor: value });
    const type = types.find((x) => x.code === value);
    return type ? roomTypeLabel(type, i18n.language) : value;
  });

  const header = (key: SortKey, label: string, numeric = false) => (
    <Table.Th className={numeric ? "num" : undefined} aria-sort={sort === key ? "ascending" : "none"}>
      <UnstyledButton className={classes.sort} onClick={() => setSort(key)} data-testid={`rooms-sort-${key}`}>
        {label}
        {sort === key ? " ▲" : ""}
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <section aria-labelledby="rooms-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="rooms-title">
          {t("rooms.rooms.title")}
        </Title>
        <Button size="xs" onClick={() => setBulk(true)} disabled={types.length === 0} data-testid="rooms-bulk">
          {t("rooms.bulk.title")}
        </Button>
      </Group>
      <Table withTableBorder data-testid="rooms-table">
        <Table.Thead>
          <Table.Tr>
            {header("number", t("fields.number"))}
            {header("floor", t("fields.floor"), true)}
            {header("type", t("fields.roomTypeId"))}
            <Table.Th>{t("fields.features")}</Table.Th>
            <Table.Th>{t("rooms.state")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Fragment key={group.key}>
              {group.label !== null && (
                <Table.Tr className={classes.groupRow}>
                  <Table.Td colSpan={COLUMNS}>{t("rooms.rooms.groupHeading", { group: group.label, count: group.rooms.length })}</Table.Td>
                </Table.Tr>
              )}
              {group.rooms.map((room) => {
                const type = typeById.get(room.roomTypeId);
                return (
                  <Table.Tr key={room.id} data-testid={`room-row-${room.number}`}>
                    <Table.Td className="nowrap">{room.number}</Table.Td>
                    <Table.Td className="num">{room.floor}</Table.Td>
                    <Table.Td>{type ? roomTypeLabel(type, i18n.language) : "–"}</Table.Td>
                    <Table.Td>{featureList(room.features) || "–"}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={room.active ? "teal" : "gray"}>
                        {room.active ? t("rooms.active") : t("rooms.inactive")}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group justify="flex-end">
                        <Button size="compact-xs" variant="default" onClick={() => setEditing(room)} aria-label={t("rooms.rooms.editTitle", { number: room.number })}>
                          {t("common.edit")}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      {loaded && rooms.length === 0 &&
        (types.length === 0 ? (
          <EmptyState title={t("rooms.rooms.empty")} hint={t("rooms.rooms.needType")} />
        ) : (
          <EmptyState
            title={t("rooms.rooms.empty")}
            hint={t("rooms.rooms.emptyHint")}
            action={
              <Button size="xs" variant="light" onClick={() => setBulk(true)}>
                {t("rooms.bulk.title")}
              </Button>
            }
          />
        ))}
      {editing && <RoomDialog room={editing} types={types} onClose={() => setEditing(null)} />}
      {bulk && <BulkRoomsDialog types={types} onClose={() => setBulk(false)} />}
    </section>
  );
}
