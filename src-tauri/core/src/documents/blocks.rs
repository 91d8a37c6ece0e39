//! Pieces every hotel document shares: the letterhead with the document's title, section
//! titles, label–value facts in two columns, and a right-aligned block of totals.

use super::layout::{Align, LEFT, Layout, RIGHT, Style, WIDTH};

/// The hotel as its documents name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Letterhead {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
}

impl Letterhead {
    pub(crate) fn of(p: &crate::entity::property::Model) -> Self {
        Self {
            name: p.name.clone(),
            address: p.address.clone(),
            phone: p.phone.clone(),
            email: p.email.clone(),
        }
    }
}

/// The hotel's name and contacts on the left, the document's title in Chinese and English on the
/// right, a rule under both.
pub(crate) fn letterhead(l: &mut Layout, hotel: &Letterhead, title_zh: &str, title_en: &str) {
    let top = l.y;
    let title = Style::new(18.0).bold();
    l.text(RIGHT, top + 4.0, title, Align::Right, title_zh);
    l.text(
        RIGHT,
        top + 20.0,
        Style::new(10.0).grey(0.3),
        Align::Right,
        title_en,
    );
    let title_width = l.width(title_zh, title.size).max(l.width(title_en, 10.0));
    let room = WIDTH - title_width - 24.0;
    l.y = top;
    l.paragraph(LEFT, room, Style::new(14.0).bold(), &hotel.name);
    let small = Style::new(8.5).grey(0.3);
    let mut contacts = Vec::new();
    if !hotel.phone.is_empty() {
        contacts.push(format!("电话 Tel. {}", hotel.phone));
    }
    if !hotel.email.is_empty() {
        contacts.push(format!("邮箱 E-mail {}", hotel.email));
    }
    l.y -= 2.0;
    if !hotel.address.is_empty() {
        l.paragraph(LEFT, room, small, &hotel.address);
    }
    if !contacts.is_empty() {
        l.paragraph(LEFT, room, small, &contacts.join("  ·  "));
    }
    l.y = l.y.max(top + 28.0);
    l.rule(LEFT, RIGHT, l.y, 1.0, 0.2);
    l.y += 22.0;
}

/// A section title: Chinese and English on one line over a thin rule.
pub(crate) fn section_title(l: &mut Layout, zh: &str, en: &str) {
    l.ensure(44.0);
    l.y += 6.0;
    let style = Style::new(10.5).bold();
    l.text(LEFT, l.y, style, Align::Left, zh);
    let after = LEFT + l.width(zh, style.size) + 6.0;
    l.text(after, l.y, Style::new(9.0).grey(0.35), Align::Left, en);
    l.rule(LEFT, RIGHT, l.y + 5.0, 0.5, 0.55);
    l.y += 20.0;
}

/// Facts in two columns: a grey bilingual label over its value, row by row.
pub(crate) fn facts(l: &mut Layout, items: &[(&str, String)]) {
    let label = Style::new(7.5).grey(0.4);
    let value = Style::new(10.0);
    let column = WIDTH / 2.0;
    for pair in items.chunks(2) {
        l.ensure(label.leading() + value.leading() * 2.0);
        let top = l.y;
        let mut bottom = top;
        for (i, (name, text)) in pair.iter().enumerate() {
            let x = LEFT + column * i as f32;
            l.y = top;
            l.text(x, l.y, label, Align::Left, name);
            l.y += label.leading() + 2.0;
            l.paragraph(x, column - 12.0, value, text);
            bottom = bottom.max(l.y);
        }
        l.y = bottom + 5.0;
    }
}

/// One line of a totals block.
pub(crate) struct Total {
    pub label: String,
    pub amount: String,
    pub strong: bool,
}

/// Totals aligned on the right: labels end where the amounts' column begins.
pub(crate) fn totals(l: &mut Layout, lines: &[Total]) {
    let amount_width = lines
        .iter()
        .map(|t| l.width(&t.amount, 11.0))
        .fold(70.0_f32, f32::max);
    let label_right = RIGHT - amount_width - 18.0;
    l.ensure(lines.len() as f32 * 16.0);
    for t in lines {
        let style = if t.strong {
            Style::new(11.0).bold()
        } else {
            Style::new(9.0).grey(0.15)
        };
        if t.strong {
            l.y += 5.0;
            l.rule(label_right - 150.0, RIGHT, l.y - style.size - 4.0, 0.6, 0.3);
            l.y += 3.0;
        }
        l.text(label_right, l.y, style, Align::Right, &t.label);
        l.text(RIGHT, l.y, style, Align::Right, &t.amount);
        l.y += style.leading() + 1.0;
    }
}
