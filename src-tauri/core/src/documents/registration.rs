//! The registration card (入住登记单) printed at check-in for the guest to sign: the guest's
//! details — the ID number masked unless the user may see ID documents — the stay, room and
//! rate, the hotel's terms and signature lines.

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::account::{self, Hotel, StayFacts};
use super::blocks;
use super::format::{amount, date, weekday};
use super::layout::{Align, LEFT, Layout, RIGHT, Style, WIDTH};
use crate::auth::Actor;
use crate::entity::{guest, stay, stay_guest};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::{money, rates};

const TITLE_ZH: &str = "入住登记单";
const TITLE_EN: &str = "Registration card";

struct Doc {
    hotel: Hotel,
    stay: StayFacts,
    check_in: String,
    check_out: String,
    plan_zh: String,
    plan_en: String,
    total: Decimal,
    companions: Vec<guest::Model>,
    show_ids: bool,
}

/// Masks an ID number for users who may not see ID documents: the first three and the last
/// four characters stay, the rest become `*` ("110***********123X").
pub fn mask_id(number: &str) -> String {
    let chars: Vec<char> = number.trim().chars().collect();
    let n = chars.len();
    if n == 0 {
        return String::new();
    }
    let (head, tail) = if n > 8 { (3, 4) } else { (0, n.min(2)) };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i < head || i >= n - tail { *c } else { '*' })
        .collect()
}

/// The registration card of reservation `reservation_id` (permission `frontdesk.operate`; ID
/// numbers in full only with `guests.view_documents`).
pub async fn registration_card_pdf(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    reservation_id: i32,
) -> Result<Vec<u8>> {
    actor.require(Permission::FrontdeskOperate)?;
    let hotel = account::hotel(conn, actor.property_id).await?;
    let stay = account::stay_facts(conn, actor.property_id, reservation_id).await?;
    let p = crate::property::get(conn, actor.property_id).await?;
    let plan = rates::get_any(conn, stay.reservation.rate_plan_id).await?;
    let companions = match stay::Entity::find()
        .filter(stay::Column::ReservationId.eq(reservation_id))
        .one(conn)
        .await?
    {
        Some(s) => {
            let ids: Vec<i32> = stay_guest::Entity::find()
                .filter(stay_guest::Column::StayId.eq(s.id))
                .all(conn)
                .await?
                .into_iter()
                .map(|g| g.guest_id)
                .filter(|id| *id != stay.guest.id)
                .collect();
            guest::Entity::find()
                .filter(guest::Column::Id.is_in(ids))
                .all(conn)
                .await?
        }
        None => Vec::new(),
    };
    let doc = Doc {
        total: money::from_minor(stay.reservation.total_minor, hotel.digits),
        hotel,
        stay,
        check_in: p.check_in_time,
        check_out: p.check_out_time,
        plan_zh: plan.name_zh,
        plan_en: plan.name_en,
        companions,
        show_ids: actor.require(Permission::GuestsViewDocuments).is_ok(),
    };
    tokio::task::spawn_blocking(move || render(&doc))
        .await
        .map_err(|e| Error::Internal(format!("rendering the registration card: {e}")))?
}

/// `registration-B000001.pdf`.
pub fn registration_file_name(booking_no: &str) -> String {
    let safe: String = booking_no
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("registration-{safe}.pdf")
}

fn id_type(t: &str) -> String {
    match t {
        "china_resident_id" | "resident_id" | "id_card" => "居民身份证 Resident ID".into(),
        "passport" => "护照 Passport".into(),
        "hk_macau_permit" => "港澳通行证 HK/Macau permit".into(),
        "taiwan_permit" => "台胞证 Taiwan permit".into(),
        "" => "—".into(),
        other => other.into(),
    }
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.to_string()
    }
}

fn render(d: &Doc) -> Result<Vec<u8>> {
    let s = &d.stay;
    let mut l = Layout::new(&format!("{TITLE_ZH} {TITLE_EN} {}", s.booking_no))?;
    l.start_section(format!(
        "{} · {TITLE_ZH} {TITLE_EN} · {}",
        d.hotel.letterhead.name, s.booking_no
    ));
    blocks::letterhead(&mut l, &d.hotel.letterhead, TITLE_ZH, TITLE_EN);
    blocks::section_title(&mut l, "宾客信息", "Guest");
    let mut people = vec![&s.guest];
    people.extend(d.companions.iter());
    for (i, g) in people.into_iter().enumerate() {
        if i > 0 {
            l.y += 4.0;
            l.rule(LEFT, RIGHT, l.y - 10.0, 0.3, 0.8);
        }
        let number = if d.show_ids {
            g.id_number.clone()
        } else {
            mask_id(&g.id_number)
        };
        let mut items = vec![
            ("姓名 Name", g.name.clone()),
            ("电话 Phone", or_dash(&g.phone)),
            ("证件类型 ID type", id_type(&g.id_type)),
            ("证件号码 ID number", or_dash(&number)),
            ("国籍 Nationality", or_dash(&g.nationality)),
            (
                "出生日期 Date of birth",
                g.birth_date.map(date).unwrap_or_else(|| "—".into()),
            ),
        ];
        if !g.email.is_empty() {
            items.push(("邮箱 E-mail", g.email.clone()));
        }
        blocks::facts(&mut l, &items);
    }
    blocks::section_title(&mut l, "住宿信息", "Stay");
    let nights = (s.departure - s.arrival).num_days();
    let room = if s.room_number.is_empty() {
        "—".to_string()
    } else {
        s.room_number.clone()
    };
    let average = if nights > 0 {
        d.total / Decimal::from(nights)
    } else {
        d.total
    };
    let money = |v: Decimal| format!("{} {}", d.hotel.currency, amount(v, d.hotel.digits));
    blocks::facts(
        &mut l,
        &[
            ("预订号 Booking number", s.booking_no.clone()),
            ("房号 Room", room),
            (
                "抵店 Arrival",
                format!(
                    "{} {} · {}",
                    date(s.arrival),
                    weekday(s.arrival),
                    d.check_in
                ),
            ),
            (
                "离店 Departure",
                format!(
                    "{} {} · {}",
                    date(s.departure),
                    weekday(s.departure),
                    d.check_out
                ),
            ),
            ("房型 Room type", format!("{} {}", s.type_zh, s.type_en)),
            ("间夜 Nights", nights.to_string()),
            ("房价 Rate plan", format!("{} {}", d.plan_zh, d.plan_en)),
            (
                "人数 Guests",
                format!("成人 Adults {} · 儿童 Children {}", s.adults, s.children),
            ),
            ("平均房价 Average rate per night", money(average)),
            ("房费合计 Room total", money(d.total)),
        ],
    );
    terms(&mut l, d);
    signatures(&mut l);
    Ok(l.finish())
}

fn terms(l: &mut Layout, d: &Doc) {
    blocks::section_title(l, "须知", "Terms");
    let zh = Style::new(8.5).grey(0.15);
    let en = Style::new(8.0).grey(0.35);
    for (z, e) in [
        (
            format!("退房时间为 {} 前，延迟退房可能收取费用。", d.check_out),
            format!(
                "Check-out is until {}; a late check-out may be charged.",
                d.check_out
            ),
        ),
        (
            "贵重物品请存放于前台保险箱，否则酒店不承担遗失责任。".to_string(),
            "Please keep valuables in the front-desk safe; the hotel is not liable for valuables left in the room.".to_string(),
        ),
        (
            "本人确认以上信息真实无误，并同意支付住宿期间的全部费用。".to_string(),
            "I confirm that the details above are correct and agree to pay all charges of my stay.".to_string(),
        ),
    ] {
        l.paragraph(LEFT, WIDTH, zh, &z);
        l.paragraph(LEFT, WIDTH, en, &e);
        l.y += 3.0;
    }
}

fn signatures(l: &mut Layout) {
    l.y += 30.0;
    l.ensure(60.0);
    let style = Style::new(8.5).grey(0.3);
    l.text(LEFT, l.y, style, Align::Left, "宾客签名 Guest signature");
    l.rule(LEFT + 120.0, LEFT + 300.0, l.y + 2.0, 0.5, 0.3);
    l.text(RIGHT - 150.0, l.y, style, Align::Left, "日期 Date");
    l.rule(RIGHT - 100.0, RIGHT, l.y + 2.0, 0.5, 0.3);
    l.y += 34.0;
    l.text(LEFT, l.y, style, Align::Left, "经办人 Front desk");
    l.rule(LEFT + 120.0, LEFT + 300.0, l.y + 2.0, 0.5, 0.3);
}

#[cfg(test)]
mod tests {
    use super::mask_id;

    #[test]
    fn ids_keep_only_their_ends() {
        assert_eq!(mask_id("11010519491231002X"), "110***********002X");
        assert_eq!(mask_id("E1234567"), "******67");
        assert_eq!(mask_id(""), "");
    }
}
