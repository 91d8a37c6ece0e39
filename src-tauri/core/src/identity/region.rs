//! Provinces, autonomous regions, municipalities and special administrative regions by the first
//! two digits of a GB/T 2260 code, in Chinese and English. Deliberately only this level: the
//! prefecture and county codes change every year and the guest-origin report groups by province;
//! the full six-digit code is kept on the guest for finer reports later.

use serde::Serialize;

/// A first-level administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Province {
    /// The two-digit code, e.g. "11".
    pub code: &'static str,
    /// The Chinese name, e.g. "北京市".
    pub name_zh: &'static str,
    /// The English name, e.g. "Beijing".
    pub name_en: &'static str,
}

const fn p(code: &'static str, name_zh: &'static str, name_en: &'static str) -> Province {
    Province {
        code,
        name_zh,
        name_en,
    }
}

/// Every first-level division. 71 is Taiwan's GB/T 2260 code; 81, 82 and 83 are the prefixes
/// of residence permits for residents of Hong Kong, Macao and Taiwan (18-character numbers that
/// follow the same rules).
pub const PROVINCES: [Province; 35] = [
    p("11", "北京市", "Beijing"),
    p("12", "天津市", "Tianjin"),
    p("13", "河北省", "Hebei"),
    p("14", "山西省", "Shanxi"),
    p("15", "内蒙古自治区", "Inner Mongolia"),
    p("21", "辽宁省", "Liaoning"),
    p("22", "吉林省", "Jilin"),
    p("23", "黑龙江省", "Heilongjiang"),
    p("31", "上海市", "Shanghai"),
    p("32", "江苏省", "Jiangsu"),
    p("33", "浙江省", "Zhejiang"),
    p("34", "安徽省", "Anhui"),
    p("35", "福建省", "Fujian"),
    p("36", "江西省", "Jiangxi"),
    p("37", "山东省", "Shandong"),
    p("41", "河南省", "Henan"),
    p("42", "湖北省", "Hubei"),
    p("43", "湖南省", "Hunan"),
    p("44", "广东省", "Guangdong"),
    p("45", "广西壮族自治区", "Guangxi"),
    p("46", "海南省", "Hainan"),
    p("50", "重庆市", "Chongqing"),
    p("51", "四川省", "Sichuan"),
    p("52", "贵州省", "Guizhou"),
    p("53", "云南省", "Yunnan"),
    p("54", "西藏自治区", "Xizang (Tibet)"),
    p("61", "陕西省", "Shaanxi"),
    p("62", "甘肃省", "Gansu"),
    p("63", "青海省", "Qinghai"),
    p("64", "宁夏回族自治区", "Ningxia"),
    p("65", "新疆维吾尔自治区", "Xinjiang"),
    p("71", "台湾省", "Taiwan"),
    p("81", "香港特别行政区", "Hong Kong"),
    p("82", "澳门特别行政区", "Macao"),
    p("83", "台湾省", "Taiwan"),
];

/// The division whose code the region code starts with, if any.
pub fn province_of(region_code: &str) -> Option<Province> {
    let prefix = region_code.get(..2)?;
    PROVINCES.iter().copied().find(|p| p.code == prefix)
}
