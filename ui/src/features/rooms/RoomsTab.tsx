// Settings → Rooms: the room types, the rooms of the hotel, then how auto-assignment fills them.
import { Alert } from "@mantine/core";
import { useErrorText } from "../../shared/errors";
import { AssignmentStrategyControl } from "./AssignmentStrategyControl";
import { useRooms, useRoomTypes } from "./queries";
import classes from "./rooms.module.css";
import { RoomsTable } from "./RoomsTable";
import { RoomTypesTable } from "./RoomTypesTable";

export function RoomsTab() {
  const errorText = useErrorText();
  const types = useRoomTypes();
  const rooms = useRooms();
  const failure = types.error ?? rooms.error;
  if (failure) return <Alert color="red" variant="light">{errorText(failure)}</Alert>;
  const loaded = types.data !== undefined && rooms.data !== undefined;
  const typeList = types.data ?? [];
  const roomList = rooms.data ?? [];
  return (
    <div className={classes.sections}>
      <RoomTypesTable types={typeList} rooms={roomList} loaded={loaded} />
      <RoomsTable rooms={roomList} types={typeList} loaded={loaded} />
      <AssignmentStrategyControl />
    </div>
  );
}
