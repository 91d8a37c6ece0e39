// The Housekeeping area: the room status board for the business date with its counts and filters, quick status
// keys (C / D / I on the selected rooms), and blocking a room out of order or out of service.
import { Alert, Badge, Button, Chip, Group, Kbd, Select, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/app-state";
import type { BlockKind, BoardFilter, HousekeepingStatus, RoomStatus, RoomStatusView, StatusCounts } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { formatDate } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { BLOCK_KINDS, ROOM_STATUS_COLORS, ROOM_STATUSES } from "../../shared/roomStatus";
import { BlockDialog } from "./BlockDialog";
import { STATUS_KEYS, targets, type BoardCursor } from "./board-keys";
import { NO_FILTER, refreshAfterChange, useBoard } from "./queries";
import { RoomBoard } from "./RoomBoard";
import classes from "./housekeeping.module.css";

const STATUS_COUNT: Record<RoomStatus, keyof StatusCounts> = {
  vacant_clean: "vacantClean",
  inspected: "inspected",
  vacant_dirty: "vacantDirty",
  occupied_clean: "occupiedClean",
  occupied_dirty: "occupiedDirty",
};
const BLOCK_COUNT: Record<BlockKind, keyof StatusCounts> = { out_of_order: "outOfOrder", out_of_service: "outOfService" };
const KEY_OF: Record<HousekeepingStatus, string> = Object.fromEntries(Object.entries(STATUS_KEYS).map(([k, s]) => [s, k.toUpperCase()])) as Record<HousekeepingStatus, string>;

export function HousekeepingArea() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const session = useSession();
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const board = useBoard(filter);
  const rooms = useMemo(() => board.data?.rooms ?? [], [board.data]);
  const [cursor, setCursor] = useState<BoardCursor>({ focus: 0, anchor: 0, selected: new Set() });
  const [blocking, setBlocking] = useState<RoomStatusView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const businessDate = board.data?.businessDate ?? session.property.businessDate;
  const shown: BoardCursor = { ...cursor, focus: Math.min(cursor.focus, Math.max(0, rooms.length - 1)) };
  const chosen = targets(rooms, shown);

  const setStatus = useCallback(
    async (roomIds: number[], status: HousekeepingStatus) => {
      if (roomIds.length === 0) return;
      setBusy(true);
      setFailure(null);
      try {
        await call(commands.setHousekeepingStatus(roomIds, status));
        await refreshAfterChange(queryClient, false);
      } catch (thrown) {
        setFailure(errorText(thrown));
      } finally {
        setBusy(false);
      }
    },
    [queryClient, errorText],
  );

  function changeFilter(change: Partial<BoardFilter>) {
    setFilter((f) => ({ ...f, ...change }));
    setCursor({ focus: 0, anchor: 0, selected: new Set() });
  }

  const blockTarget = rooms[shown.focus];
  const counts = board.data?.counts;
  const floorOptions = (board.data?.floors ?? []).map((f) => ({ value: String(f), label: t("housekeeping.floor", { floor: f }) }));
  const typeOptions = (board.data?.roomTypes ?? []).map((type) => ({ value: String(type.id), label: type.code }));
  const blockOptions = BLOCK_KINDS.map((k) => ({ value: k, label: `${t(`tapeChart.block.${k}`)} (${counts?.[BLOCK_COUNT[k]] ?? 0})` }));

  return (
    <div data-testid="area-housekeeping" className={classes.area}>
      <div className={classes.toolbar}>
        <Text fw={700} size="lg">
          {t("housekeeping.title")}
        </Text>
        <Text size="sm" c="dimmed">
          {t("housekeeping.businessDate", { date: formatDate(businessDate, i18n.language) })}
        </Text>
        <div className={classes.spacer} />
        <Text size="sm" data-testid="hk-selected">
          {t("housekeeping.chosen", { count: chosen.length })}
        </Text>
        {(["clean", "dirty", "inspected"] as HousekeepingStatus[]).map((status) => (
          <Button
            key={status}
            size="xs"
            variant="default"
            disabled={chosen.length === 0}
            loading={busy}
            onClick={() => void setStatus(chosen, status)}
            rightSection={<Kbd size="xs">{KEY_OF[status]}</Kbd>}
            data-testid={`hk-set-${status}`}
          >
            {t(`housekeeping.housekeeping.${status}`)}
          </Button>
        ))}
        <Button size="xs" disabled={!blockTarget} onClick={() => blockTarget && setBlocking(blockTarget)} rightSection={<Kbd size="xs">B</Kbd>} data-testid="hk-block">
          {t("housekeeping.blockButton")}
        </Button>
      </div>

      <div className={classes.filters}>
        <Chip.Group multiple value={filter.statuses} onChange={(v) => changeFilter({ statuses: v as RoomStatus[] })}>
          <Group gap={6}>
            {ROOM_STATUSES.map((status) => (
              <Chip key={status} value={status} size="xs" color={ROOM_STATUS_COLORS[status]} data-testid={`hk-filter-${status}`}>
                {t(`housekeeping.code.${status}`)} {t(`housekeeping.status.${status}`)} ({counts?.[STATUS_COUNT[status]] ?? 0})
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Select
          size="xs"
          placeholder={t("housekeeping.allBlocks")}
          aria-label={t("housekeeping.blockFilter")}
          data={blockOptions}
          value={filter.block}
          onChange={(v) => changeFilter({ block: (v as BlockKind | null) ?? null })}
          clearable
          className={classes.select}
          data-testid="hk-filter-block"
        />
        <Select
          size="xs"
          placeholder={t("housekeeping.allFloors")}
          aria-label={t("housekeeping.floorFilter")}
          data={floorOptions}
          value={filter.floor === null ? null : String(filter.floor)}
          onChange={(v) => changeFilter({ floor: v === null ? null : Number(v) })}
          clearable
          className={classes.select}
          data-testid="hk-filter-floor"
        />
        <Select
          size="xs"
          placeholder={t("housekeeping.allTypes")}
          aria-label={t("housekeeping.typeFilter")}
          data={typeOptions}
          value={filter.roomTypeId === null ? null : String(filter.roomTypeId)}
          onChange={(v) => changeFilter({ roomTypeId: v === null ? null : Number(v) })}
          clearable
          className={classes.select}
          data-testid="hk-filter-type"
        />
        <Text size="xs" c="dimmed">
          {t("housekeeping.keys")}
        </Text>
      </div>

      {failure && (
        <Alert color="red" variant="light" mb="xs" withCloseButton onClose={() => setFailure(null)} data-testid="hk-error">
          {failure}
        </Alert>
      )}
      {board.error && (
        <Alert color="red" variant="light" mb="xs">
          {errorText(board.error)}
        </Alert>
      )}
      {board.data && rooms.length === 0 && (
        <EmptyState
          title={board.data.floors.length === 0 ? t("housekeeping.noRooms") : t("housekeeping.noMatch")}
          hint={board.data.floors.length === 0 ? t("housekeeping.noRoomsHint") : t("housekeeping.noMatchHint")}
        />
      )}
      {rooms.length > 0 && (
        <RoomBoard rooms={rooms} cursor={shown} onCursor={setCursor} onStatus={(ids, status) => void setStatus(ids, status)} onBlock={setBlocking} />
      )}
      <div className={classes.legend}>
        {ROOM_STATUSES.map((status) => (
          <Badge key={status} color={ROOM_STATUS_COLORS[status]} variant="light" size="sm">
            {t(`housekeeping.code.${status}`)} = {t(`housekeeping.status.${status}`)}
          </Badge>
        ))}
      </div>
      {blocking && <BlockDialog room={blocking} businessDate={businessDate} onClose={() => setBlocking(null)} />}
    </div>
  );
}
