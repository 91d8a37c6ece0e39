// Housekeeping data from Rust: the board (per filter) and what to refresh after a change.
import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query";
import type { BoardFilter } from "../../ipc/client";
import { call, commands } from "../../ipc/client";

export const BOARD_KEY = ["housekeepingBoard"] as const;

export const NO_FILTER: BoardFilter = { statuses: [], floor: null, roomTypeId: null, block: null };

export function useBoard(filter: BoardFilter) {
  return useQuery({
    queryKey: [...BOARD_KEY, filter],
    queryFn: () => call(commands.housekeepingBoard(filter)),
    placeholderData: keepPreviousData,
  });
}

/** After a status or block change: the board, and (for blocks) what inventory screens show. */
export async function refreshAfterChange(queryClient: QueryClient, inventory: boolean) {
  await queryClient.invalidateQueries({ queryKey: BOARD_KEY });
  if (inventory) {
    await queryClient.invalidateQueries({ queryKey: ["tapeChart"] });
    await queryClient.invalidateQueries({ queryKey: ["availability"] });
  }
}
