// Front-desk data from Rust (core `stays`): the business date's lists, and what to refresh after a check-in
// or check-out — every screen that shows rooms, reservations, folios or today's counts.
import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query";
import { call, commands } from "../../ipc/client";
import { FOLIOS_KEY } from "../folios/queries";
import { BOARD_KEY } from "../housekeeping/queries";
import { AVAILABILITY_KEY, RESERVATIONS_KEY } from "../reservations/queries";

export const FRONT_DESK_KEY = ["frontDesk"] as const;

export function useFrontDesk(text: string) {
  return useQuery({
    queryKey: [...FRONT_DESK_KEY, text],
    queryFn: () => call(commands.frontDesk(text)),
    placeholderData: keepPreviousData,
  });
}

export async function refreshAfterStay(queryClient: QueryClient) {
  for (const key of [FRONT_DESK_KEY, RESERVATIONS_KEY, AVAILABILITY_KEY, BOARD_KEY, FOLIOS_KEY, ["dashboard"], ["tapeChart"]]) {
    await queryClient.invalidateQueries({ queryKey: key });
  }
}
