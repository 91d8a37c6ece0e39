// What the front desk mounts on an in-house row: the dialogs that change a stay in the house.
export { ChangeDepartureDialog } from "./ChangeDepartureDialog";
export { LateCheckOutDialog } from "./LateCheckOutDialog";
export { MoveRoomDialog } from "./MoveRoomDialog";
