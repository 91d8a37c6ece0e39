//! Guests as a Chinese hotel sees them: mostly Chinese names (with their pinyin, as the core
//! derives it), some Latin ones, mobile numbers, and resident ID numbers with a real region code,
//! a real birth date and a valid check character.

use chrono::{Datelike, NaiveDate};
use innkeep_core::guests::pinyin_of;
use rand::Rng;
use rand::rngs::StdRng;

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "欧阳",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "鹏", "辉", "建", "国", "文",
    "斌", "宇", "浩", "凯", "婷", "雪", "琳", "晨", "欣", "佳", "怡", "子", "轩", "博", "瑞", "梓",
    "涵", "思",
];
const FIRST: &[&str] = &[
    "James", "Mary", "John", "Anna", "Peter", "Laura", "David", "Emma", "Michael", "Sofia",
    "Thomas", "Olivia", "Daniel", "Mia", "Lucas", "Hannah", "Kenji", "Yuki", "Min-jun", "Ji-woo",
];
const LAST: &[&str] = &[
    "Smith", "Müller", "Martin", "Rossi", "Garcia", "Brown", "Tanaka", "Kim", "Nguyen", "Schmidt",
    "Dubois", "Wilson", "Sato", "Park", "Lopez", "Taylor", "Jensen", "Novak", "Silva", "Cohen",
];
/// GB/T 2260 county codes the generator uses (a spread over provinces).
const REGIONS: &[&str] = &[
    "110105", "110108", "120101", "130102", "140105", "210102", "220102", "230103", "310101",
    "310104", "310115", "320102", "320506", "330106", "340104", "350203", "360102", "370102",
    "370202", "410105", "420106", "430104", "440106", "440305", "450103", "460105", "500103",
    "510107", "520102", "530102", "610113", "620102", "650102",
];
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// One generated guest profile.
pub struct Person {
    pub name: String,
    pub name_pinyin: String,
    pub pinyin_initials: String,
    pub phone: String,
    pub id_type: &'static str,
    pub id_number: String,
    pub nationality: &'static str,
    pub id_region: String,
    pub birth_date: Option<NaiveDate>,
}

fn pick<'a>(rng: &mut StdRng, list: &[&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}

/// A resident ID number: region, birth date, sequence (odd for men) and the MOD 11-2 check.
pub fn resident_id(region: &str, birth: NaiveDate, sequence: u32) -> String {
    let body = format!(
        "{region}{:04}{:02}{:02}{:03}",
        birth.year(),
        birth.month(),
        birth.day(),
        sequence % 1000
    );
    let sum: u32 = body
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = CHECK[(sum % 11) as usize] as char;
    format!("{body}{check}")
}

/// The next guest: 85 % Chinese with a resident ID, the rest with a passport.
pub fn person(rng: &mut StdRng, serial: u64) -> Person {
    let phone = format!(
        "1{}{:09}",
        rng.random_range(3..=9),
        rng.random_range(0..1_000_000_000u64)
    );
    if rng.random_bool(0.85) {
        let given: String = (0..rng.random_range(1..=2))
            .map(|_| pick(rng, GIVEN))
            .collect();
        let name = format!("{}{given}", pick(rng, SURNAMES));
        let (name_pinyin, pinyin_initials) = pinyin_of(&name);
        let region = pick(rng, REGIONS);
        let birth = NaiveDate::from_ymd_opt(1950, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(rng.random_range(0..20_000))))
            .unwrap_or_default();
        Person {
            name,
            name_pinyin,
            pinyin_initials,
            phone,
            id_type: "china_resident_id",
            id_number: resident_id(region, birth, rng.random_range(0..1000)),
            nationality: "CHN",
            id_region: region.to_string(),
            birth_date: Some(birth),
        }
    } else {
        let name = format!("{} {}", pick(rng, FIRST), pick(rng, LAST));
        let (name_pinyin, pinyin_initials) = pinyin_of(&name);
        Person {
            name,
            name_pinyin,
            pinyin_initials,
            phone,
            id_type: "passport",
            id_number: format!("P{:08}", serial % 100_000_000),
            nationality: "GBR",
            id_region: String::new(),
            birth_date: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resident_ids_carry_a_valid_check_character() {
        let birth = NaiveDate::from_ymd_opt(1949, 12, 31).unwrap_or_default();
        assert_eq!(resident_id("110105", birth, 2), "11010519491231002X");
    }
}
