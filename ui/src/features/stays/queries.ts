// Changes to a stay in the house (core `stays::changes`): what to refresh after one, and the field an
// error belongs beside.
import type { QueryClient } from "@tanstack/react-query";
import type { ApiError } from "../../ipc/client";
import { FOLIOS_KEY } from "../folios/queries";
import { BOARD_KEY } from "../housekeeping/queries";
import { AVAILABILITY_KEY, RESERVATIONS_KEY } from "../reservations/queries";

/** After a move, a new departure or a fee: lists, the room board, availability and folios. */
export async function refreshAfterStayChange(queryClient: QueryClient) {
  for (const queryKey of [RESERVATIONS_KEY, AVAILABILITY_KEY, BOARD_KEY, FOLIOS_KEY, ["tapeChart"], ["dashboard"]]) {
    await queryClient.invalidateQueries({ queryKey });
  }
}

/** The field of a form an error names (`params.field`), when it is one of `fields`. */
export function fieldOf(error: ApiError, fields: readonly string[]): string | null {
  const field = error.params?.field;
  return field && fields.includes(field) ? field : null;
}
