//! sea-orm entities, one per table; they never cross the IPC (views do).

pub mod audit_entry;
pub mod backup;
pub mod guest;
pub mod mail_attachment;
pub mod mail_message;
pub mod number_series;
pub mod promotion;
pub mod property;
pub mod rate_plan;
pub mod rate_rule;
pub mod reservation;
pub mod reservation_night;
pub mod role;
pub mod role_permission;
pub mod room;
pub mod room_block;
pub mod room_type;
pub mod setting;
pub mod staff_user;
pub mod walk;
