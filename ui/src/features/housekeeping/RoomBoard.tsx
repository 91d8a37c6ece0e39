// The board itself: room tiles grouped by floor in the status colours, one focus and a multi-selection driven by
// the keys of board-keys.ts and by clicks (Shift for a range, Ctrl to add or remove a room).
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { HousekeepingStatus, RoomStatusView } from "../../ipc/client";
import { boardClick, boardKey, type BoardCursor } from "./board-keys";
import classes from "./housekeeping.module.css";

function floors(rooms: RoomStatusView[]): [number, { room: RoomStatusView; index: number }[]][] {
  const out: [number, { room: RoomStatusView; index: number }[]][] = [];
  rooms.forEach((room, index) => {
    const last = out.at(-1);
    if (last && last[0] === room.floor) last[1].push({ room, index });
    else out.push([room.floor, [{ room, index }]]);
  });
  return out;
}

function Tile({ room, focused, selected, onClick }: { room: RoomStatusView; focused: boolean; selected: boolean; onClick: (e: MouseEvent) => void }) {
  const { t } = useTranslation();
  const title = [
    `${room.number} · ${room.roomTypeCode}`,
    t(`housekeeping.status.${room.status}`),
    room.block ? `${t(`tapeChart.block.${room.block.kind}`)}: ${room.block.reason}` : null,
    room.inHouse ? t("housekeeping.inHouse", { booking: room.inHouse }) : null,
    room.arrival ? t("housekeeping.arrivalToday", { booking: room.arrival }) : null,
  ]
    .filter(Boolean)
    .join("\n");
  return (
    <div
      id={`hk-tile-${room.roomId}`}
      role="option"
      aria-selected={selected}
      title={title}
      className={classes.tile}
      data-status={room.status}
      data-block={room.block?.kind}
      data-focused={focused || undefined}
      data-testid={`hk-room-${room.number}`}
      onClick={onClick}
      onMouseDown={(e) => {
        // Shift+click chooses a range; it should not also select the text between.
        if (e.shiftKey) e.preventDefault();
      }}
    >
      <div className={classes.tileHead}>
        <span className={classes.number}>{room.number}</span>
        <span className={classes.code} data-testid={`hk-code-${room.number}`}>
          {t(`housekeeping.code.${room.status}`)}
        </span>
      </div>
      <div className={classes.tileType}>{room.roomTypeCode}</div>
      <div className={classes.flags}>
        {room.block && (
          <span className={classes.blockFlag} data-kind={room.block.kind}>
            {t(`housekeeping.blockShort.${room.block.kind}`)}
          </span>
        )}
        {room.dueOut && <span className={classes.flag}>{t("housekeeping.dueOut")}</span>}
        {room.arrival && <span className={classes.flag}>{t("housekeeping.arrival")}</span>}
      </div>
    </div>
  );
}

export function RoomBoard({
  rooms,
  cursor,
  onCursor,
  onStatus,
  onBlock,
}: {
  rooms: RoomStatusView[];
  cursor: BoardCursor;
  onCursor: (cursor: BoardCursor) => void;
  onStatus: (roomIds: number[], status: HousekeepingStatus) => void;
  onBlock: (room: RoomStatusView) => void;
}) {
  const { t } = useTranslation();
  const board = useRef<HTMLDivElement>(null);
  const focusedId = rooms[cursor.focus]?.roomId;

  useEffect(() => {
    if (focusedId === undefined) return;
    document.getElementById(`hk-tile-${focusedId}`)?.scrollIntoView?.({ block: "nearest" });
  }, [focusedId]);

  function onKeyDown(e: KeyboardEvent) {
    const outcome = boardKey(e, rooms, cursor);
    if (!outcome) return;
    e.preventDefault();
    if (outcome.kind === "cursor") onCursor(outcome.cursor);
    else if (outcome.kind === "status") onStatus(outcome.roomIds, outcome.status);
    else {
      const room = rooms.find((r) => r.roomId === outcome.roomId);
      if (room) onBlock(room);
    }
  }

  return (
    <div
      ref={board}
      className={classes.board}
      role="listbox"
      aria-multiselectable
      aria-label={t("housekeeping.boardLabel")}
      aria-activedescendant={focusedId === undefined ? undefined : `hk-tile-${focusedId}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="hk-board"
    >
      {floors(rooms).map(([floor, tiles]) => (
        <section key={floor} className={classes.floor} aria-label={t("housekeeping.floor", { floor })}>
          <div className={classes.floorLabel}>{t("housekeeping.floor", { floor })}</div>
          <div className={classes.tiles}>
            {tiles.map(({ room, index }) => (
              <Tile
                key={room.roomId}
                room={room}
                focused={index === cursor.focus}
                selected={cursor.selected.has(room.roomId)}
                onClick={(e) => {
                  onCursor(boardClick(index, e, rooms, cursor));
                  board.current?.focus();
                }}
              />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
