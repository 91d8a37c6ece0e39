// Room statuses (occupancy × housekeeping) and blocks, and the one colour legend every screen uses for them.
import type { BlockKind, RoomStatus } from "../ipc/client";

/** In the order the board's legend and filters show them. */
export const ROOM_STATUSES: RoomStatus[] = ["vacant_clean", "inspected", "vacant_dirty", "occupied_clean", "occupied_dirty"];

/** Mantine colour names of the statuses. */
export const ROOM_STATUS_COLORS: Record<RoomStatus, string> = {
  vacant_clean: "green",
  inspected: "teal",
  vacant_dirty: "red",
  occupied_clean: "blue",
  occupied_dirty: "orange",
};

export const BLOCK_KINDS: BlockKind[] = ["out_of_order", "out_of_service"];

/** Mantine colour names of the block kinds (out of order is also hatched grey on the tape chart). */
export const BLOCK_COLORS: Record<BlockKind, string> = {
  out_of_order: "gray",
  out_of_service: "grape",
};
