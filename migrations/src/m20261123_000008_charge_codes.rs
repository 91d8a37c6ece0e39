//! The default charge codes (room, breakfast, F&B, minibar, laundry, phone, meeting room, misc
//! and the fee codes) for every property that exists already; new properties get them from
//! setup. VAT rates are basis points of a tax-inclusive price.

use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000008_charge_codes"
    }
}

/// (code, 中文, English, department, VAT in basis points) — the same list as the core's
/// `folios::DEFAULT_CHARGE_CODES` at the time of this migration.
const DEFAULTS: [(&str, &str, &str, &str, i32); 12] = [
    ("ROOM", "房费", "Room", "rooms", 600),
    ("BREAKFAST", "早餐", "Breakfast", "food_beverage", 600),
    ("FB", "餐饮", "Food & beverage", "food_beverage", 600),
    ("MINIBAR", "迷你吧", "Minibar", "food_beverage", 1300),
    ("LAUNDRY", "洗衣", "Laundry", "rooms", 600),
    ("PHONE", "电话", "Telephone", "other", 900),
    ("MEETING", "会议室", "Meeting room", "events", 600),
    ("MISC", "杂项", "Miscellaneous", "other", 600),
    ("CANCEL", "取消费", "Cancellation fee", "rooms", 600),
    ("NOSHOW", "未到费", "No-show fee", "rooms", 600),
    (
        "EARLYDEP",
        "提前离店费",
        "Early departure fee",
        "rooms",
        600,
    ),
    ("LATECO", "延迟退房费", "Late check-out fee", "rooms", 600),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for (code, zh, en, department, bp) in DEFAULTS {
            // Constants only: no user input reaches this SQL.
            db.execute_unprepared(&format!(
                "INSERT INTO charge_code (property_id, code, name_zh, name_en, department, tax_rate_bp, active) \
                 SELECT p.id, '{code}', '{zh}', '{en}', '{department}', {bp}, TRUE FROM property p \
                 WHERE NOT EXISTS (SELECT 1 FROM charge_code c WHERE c.property_id = p.id AND c.code = '{code}')"
            ))
            .await?;
        }
        Ok(())
    }
}
