//! Tables: columns with bilingual titles and an alignment, rows whose cells wrap inside their
//! column, and the title row repeated at the top of every page the table continues on.

use super::layout::{Align, Layout, Style};
use super::wrap::wrap;

/// One column: its title in Chinese and English, its share of the table width, its alignment.
pub(crate) struct Column {
    pub zh: &'static str,
    pub en: &'static str,
    pub weight: f32,
    pub align: Align,
}

/// A table placed at `x` across `width` points.
pub(crate) struct Table {
    x: f32,
    width: f32,
    columns: Vec<(Column, f32)>,
}

const PAD: f32 = 4.0;
const HEAD: Style = Style::new(7.5);
const BODY: Style = Style::new(9.0);

impl Table {
    pub(crate) fn new(x: f32, width: f32, columns: Vec<Column>) -> Self {
        let total: f32 = columns
            .iter()
            .map(|c| c.weight)
            .sum::<f32>()
            .max(f32::EPSILON);
        let columns = columns
            .into_iter()
            .map(|c| {
                let w = width * c.weight / total;
                (c, w)
            })
            .collect();
        Self { x, width, columns }
    }

    fn cells(&self) -> impl Iterator<Item = (&Column, f32, f32)> {
        let mut left = self.x;
        self.columns.iter().map(move |(c, w)| {
            let at = left;
            left += w;
            (c, at, *w)
        })
    }

    fn anchor(align: Align, left: f32, width: f32) -> f32 {
        match align {
            Align::Left => left + PAD,
            Align::Right => left + width - PAD,
            Align::Center => left + width / 2.0,
        }
    }

    /// The title row: Chinese over English on a shaded band.
    pub(crate) fn head(&self, l: &mut Layout) {
        let height = HEAD.leading() * 2.0 + PAD * 1.5;
        l.ensure(height + BODY.leading() * 2.0);
        let top = l.y - HEAD.size - PAD * 0.5;
        l.band(self.x, top, self.width, height, 0.93);
        let cells: Vec<_> = self
            .cells()
            .map(|(c, at, w)| (c.zh, c.en, c.align, at, w))
            .collect();
        for (zh, en, align, at, w) in cells {
            let x = Self::anchor(align, at, w);
            l.text(x, l.y, HEAD.grey(0.15), align, zh);
            l.text(x, l.y + HEAD.leading(), HEAD.grey(0.35), align, en);
        }
        l.y = top + height + PAD + BODY.size * 0.9;
    }

    /// A row of cells (as many as columns); long cells wrap. `strong` sets it in bold.
    pub(crate) fn row(&self, l: &mut Layout, cells: &[String], strong: bool) {
        let style = if strong { BODY.bold() } else { BODY };
        let wrapped: Vec<Vec<String>> = self
            .cells()
            .zip(cells)
            .map(|((_, _, w), text)| wrap(l.face(), text, style.size, w - PAD * 2.0))
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let below = style.leading() * (lines - 1) as f32 + style.size * 0.3 + PAD;
        if l.ensure(below) {
            self.head(l);
        }
        let columns: Vec<_> = self.cells().map(|(c, at, w)| (c.align, at, w)).collect();
        for ((align, at, w), lines) in columns.into_iter().zip(wrapped) {
            let x = Self::anchor(align, at, w);
            for (i, line) in lines.iter().enumerate() {
                l.text(x, l.y + style.leading() * i as f32, style, align, line);
            }
        }
        let rule = l.y + below;
        l.rule(self.x, self.x + self.width, rule, 0.3, 0.8);
        l.y = rule + PAD + style.size * 0.9;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::layout::{LEFT, WIDTH};

    #[test]
    fn a_long_table_continues_on_new_pages_under_its_titles_and_pages_are_numbered() {
        let mut l = Layout::new("test").expect("layout");
        l.start_section("Running head".into());
        let table = Table::new(
            LEFT,
            WIDTH,
            vec![
                Column {
                    zh: "项目",
                    en: "Item",
                    weight: 3.0,
                    align: Align::Left,
                },
                Column {
                    zh: "金额",
                    en: "Amount",
                    weight: 1.0,
                    align: Align::Right,
                },
            ],
        );
        table.head(&mut l);
        for i in 0..90 {
            let item = format!(
                "Line {i} with a description long enough to wrap onto a second line in its column"
            );
            table.row(&mut l, &[item, format!("{i}.00")], false);
        }
        let pages = l.page_texts();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for page in &pages {
            assert!(page.iter().any(|t| t == "金额") && page.iter().any(|t| t == "Amount"));
        }
        assert!(!pages[0].iter().any(|t| t == "Running head"));
        assert!(pages[1].iter().any(|t| t == "Running head"));
        let bytes = l.finish();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.starts_with("%PDF-"));
    }
}
