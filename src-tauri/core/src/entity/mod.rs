//! sea-orm entities, one per table; they never cross the IPC (views do).

pub mod audit_entry;
pub mod backup;
pub mod property;
pub mod reservation;
pub mod role;
pub mod role_permission;
pub mod room;
pub mod room_type;
pub mod setting;
pub mod staff_user;
