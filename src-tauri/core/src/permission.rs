//! What a staff member may do, and the default roles of domain.md. Roles are rows the
//! administrator can edit; these defaults are only what a new hotel starts with.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One permission, checked by every command in the core.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, specta::Type,
)]
pub enum Permission {
    #[serde(rename = "dashboard.view")]
    DashboardView,
    #[serde(rename = "reservations.manage")]
    ReservationsManage,
    #[serde(rename = "frontdesk.operate")]
    FrontdeskOperate,
    #[serde(rename = "folios.post")]
    FoliosPost,
    #[serde(rename = "folios.void")]
    FoliosVoid,
    #[serde(rename = "invoices.issue")]
    InvoicesIssue,
    #[serde(rename = "guests.manage")]
    GuestsManage,
    #[serde(rename = "guests.view_documents")]
    GuestsViewDocuments,
    #[serde(rename = "housekeeping.update")]
    HousekeepingUpdate,
    #[serde(rename = "rooms.manage")]
    RoomsManage,
    #[serde(rename = "rates.manage")]
    RatesManage,
    #[serde(rename = "overbook")]
    Overbook,
    #[serde(rename = "night_audit.run")]
    NightAuditRun,
    #[serde(rename = "reports.view")]
    ReportsView,
    #[serde(rename = "users.view")]
    UsersView,
    #[serde(rename = "users.manage")]
    UsersManage,
    #[serde(rename = "roles.manage")]
    RolesManage,
    #[serde(rename = "audit.view")]
    AuditView,
    #[serde(rename = "settings.manage")]
    SettingsManage,
    #[serde(rename = "backups.manage")]
    BackupsManage,
    #[serde(rename = "connection.manage")]
    ConnectionManage,
}

use Permission::*;

impl Permission {
    /// Every permission, in display order.
    pub const ALL: [Permission; 21] = [
        DashboardView,
        ReservationsManage,
        FrontdeskOperate,
        FoliosPost,
        FoliosVoid,
        InvoicesIssue,
        GuestsManage,
        GuestsViewDocuments,
        HousekeepingUpdate,
        RoomsManage,
        RatesManage,
        Overbook,
        NightAuditRun,
        ReportsView,
        UsersView,
        UsersManage,
        RolesManage,
        AuditView,
        SettingsManage,
        BackupsManage,
        ConnectionManage,
    ];

    /// The stable name stored in the database and sent to the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            DashboardView => "dashboard.view",
            ReservationsManage => "reservations.manage",
            FrontdeskOperate => "frontdesk.operate",
            FoliosPost => "folios.post",
            FoliosVoid => "folios.void",
            InvoicesIssue => "invoices.issue",
            GuestsManage => "guests.manage",
            GuestsViewDocuments => "guests.view_documents",
            HousekeepingUpdate => "housekeeping.update",
            RoomsManage => "rooms.manage",
            RatesManage => "rates.manage",
            Overbook => "overbook",
            NightAuditRun => "night_audit.run",
            ReportsView => "reports.view",
            UsersView => "users.view",
            UsersManage => "users.manage",
            RolesManage => "roles.manage",
            AuditView => "audit.view",
            SettingsManage => "settings.manage",
            BackupsManage => "backups.manage",
            ConnectionManage => "connection.manage",
        }
    }
}

impl FromStr for Permission {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Permission::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or(())
    }
}

/// A role a new hotel starts with.
pub struct DefaultRole {
    pub code: &'static str,
    pub name: &'static str,
    pub permissions: &'static [Permission],
}

const FRONT_DESK: &[Permission] = &[
    DashboardView,
    ReservationsManage,
    FrontdeskOperate,
    FoliosPost,
    GuestsManage,
    HousekeepingUpdate,
    // A small hotel's receptionist issues the invoice at check-out; credit notes also need
    // folios.void, which stays with finance and managers.
    InvoicesIssue,
];
const FINANCE: &[Permission] = &[
    DashboardView,
    FoliosPost,
    FoliosVoid,
    InvoicesIssue,
    ReportsView,
    AuditView,
];
const HOUSEKEEPING: &[Permission] = &[HousekeepingUpdate];
const MANAGER: &[Permission] = &[
    DashboardView,
    ReservationsManage,
    FrontdeskOperate,
    FoliosPost,
    FoliosVoid,
    InvoicesIssue,
    GuestsManage,
    GuestsViewDocuments,
    HousekeepingUpdate,
    RoomsManage,
    RatesManage,
    Overbook,
    NightAuditRun,
    ReportsView,
    UsersView,
    AuditView,
];

/// The default roles of domain.md. The administrator holds every permission.
pub const DEFAULT_ROLES: &[DefaultRole] = &[
    DefaultRole {
        code: "front_desk",
        name: "Front desk",
        permissions: FRONT_DESK,
    },
    DefaultRole {
        code: "finance",
        name: "Finance / cashier",
        permissions: FINANCE,
    },
    DefaultRole {
        code: "housekeeping",
        name: "Housekeeping",
        permissions: HOUSEKEEPING,
    },
    DefaultRole {
        code: "manager",
        name: "Manager",
        permissions: MANAGER,
    },
    DefaultRole {
        code: "administrator",
        name: "Administrator",
        permissions: &Permission::ALL,
    },
];

/// Code of the role given to the first user.
pub const ADMINISTRATOR: &str = "administrator";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for p in Permission::ALL {
            assert_eq!(p.as_str().parse::<Permission>(), Ok(p));
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.as_str())
            );
        }
    }

    #[test]
    fn housekeeping_sees_only_the_room_board() {
        let hk = DEFAULT_ROLES
            .iter()
            .find(|r| r.code == "housekeeping")
            .unwrap();
        assert_eq!(hk.permissions, &[HousekeepingUpdate]);
    }
}
