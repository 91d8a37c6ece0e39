//! A4 pages written top-down: a cursor `y` measured from the top edge in points, text runs
//! placed left, right or centred, lines and shaded bands, page breaks that repeat a running
//! head, and page numbers "第 1 / 2 页 · Page 1 of 2" counted per section (one section per
//! document, so a batch of confirmations numbers each one on its own).

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem, TextRenderingMode,
};

use super::font::Face;
use super::wrap::wrap;
use crate::error::Result;

/// A4 portrait in points.
pub(crate) const PAGE_WIDTH: f32 = 595.28;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// Left and right margin.
pub(crate) const MARGIN: f32 = 51.0;
const TOP: f32 = 45.0;
/// Lowest baseline of the body; the page number sits below it.
const BOTTOM: f32 = PAGE_HEIGHT - 62.0;
const FOOTER: f32 = PAGE_HEIGHT - 30.0;

/// Left edge, right edge and width of the text area.
pub(crate) const LEFT: f32 = MARGIN;
pub(crate) const RIGHT: f32 = PAGE_WIDTH - MARGIN;
pub(crate) const WIDTH: f32 = RIGHT - LEFT;

/// Size, weight and grey level (0 black … 1 white) of a text run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub size: f32,
    pub bold: bool,
    pub grey: f32,
}

impl Style {
    pub(crate) const fn new(size: f32) -> Self {
        Self {
            size,
            bold: false,
            grey: 0.0,
        }
    }

    pub(crate) const fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    pub(crate) const fn grey(self, grey: f32) -> Self {
        Self { grey, ..self }
    }

    /// Distance between baselines of wrapped lines.
    pub(crate) fn leading(self) -> f32 {
        self.size * 1.45
    }
}

/// Where `x` is: the left edge, the right edge or the centre of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
    Center,
}

struct Section {
    first_page: usize,
    running_head: String,
}

/// A document being written.
pub(crate) struct Layout {
    face: Face,
    doc: PdfDocument,
    font: FontId,
    pages: Vec<Vec<Op>>,
    sections: Vec<Section>,
    /// Baseline position from the top edge of the current page, in points.
    pub y: f32,
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level, None))
}

fn at(x: f32, y_from_top: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(PAGE_HEIGHT - y_from_top),
    }
}

impl Layout {
    /// An empty document titled `title` (the PDF's title; pages come with sections).
    pub(crate) fn new(title: &str) -> Result<Self> {
        let face = Face::get()?;
        let mut doc = PdfDocument::new(title);
        doc.metadata.info.creator = "Innkeep".into();
        doc.metadata.info.producer = "Innkeep".into();
        let font = doc.add_font(face.font());
        Ok(Self {
            face,
            doc,
            font,
            pages: Vec::new(),
            sections: Vec::new(),
            y: TOP,
        })
    }

    pub(crate) fn face(&self) -> Face {
        self.face
    }

    /// Width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        self.face.width(text, size)
    }

    /// Starts a document on a new page; continuation pages show `running_head` at the top.
    pub(crate) fn start_section(&mut self, running_head: String) {
        self.sections.push(Section {
            first_page: self.pages.len(),
            running_head,
        });
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Continues on a new page of the current section, under its running head.
    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
        let head = self
            .sections
            .last()
            .map(|s| s.running_head.clone())
            .unwrap_or_default();
        if !head.is_empty() {
            let style = Style::new(8.0).grey(0.4);
            self.text(LEFT, self.y, style, Align::Left, &head);
            self.rule(LEFT, RIGHT, self.y + 5.0, 0.5, 0.6);
            self.y += 22.0;
        }
    }

    /// Starts a new page unless `height` more points fit above the footer; true if it did.
    pub(crate) fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > BOTTOM && self.y > TOP + 30.0 {
            self.new_page();
            return true;
        }
        false
    }

    /// Whether `height` more points fit above the footer of the current page.
    pub(crate) fn fits(&self, height: f32) -> bool {
        self.y + height <= BOTTOM
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// One run of text with its baseline at `y` (from the top).
    pub(crate) fn text(&mut self, x: f32, y: f32, style: Style, align: Align, text: &str) {
        if text.is_empty() {
            return;
        }
        let width = self.width(text, style.size);
        let left = match align {
            Align::Left => x,
            Align::Right => x - width,
            Align::Center => x - width / 2.0,
        };
        let font = PdfFontHandle::External(self.font.clone());
        let colour = grey(style.grey);
        let mut ops = vec![
            Op::StartTextSection,
            Op::SetFont {
                font,
                size: Pt(style.size),
            },
            Op::SetFillColor {
                col: colour.clone(),
            },
        ];
        if style.bold {
            // One face only: bold is the outline stroked over the fill.
            ops.extend([
                Op::SetTextRenderingMode {
                    mode: TextRenderingMode::FillStroke,
                },
                Op::SetOutlineColor { col: colour },
                Op::SetOutlineThickness {
                    pt: Pt(style.size * 0.045),
                },
            ]);
        }
        ops.extend([
            Op::SetTextCursor { pos: at(left, y) },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
        ]);
        if style.bold {
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::Fill,
            });
        }
        ops.push(Op::EndTextSection);
        self.ops().extend(ops);
    }

    /// Writes `text` wrapped to `width` at `x`, moving the cursor down line by line and onto
    /// new pages as needed.
    pub(crate) fn paragraph(&mut self, x: f32, width: f32, style: Style, text: &str) {
        for line in wrap(self.face, text, style.size, width) {
            self.ensure(style.leading());
            self.text(x, self.y, style, Align::Left, &line);
            self.y += style.leading();
        }
    }

    /// A horizontal line at `y`.
    pub(crate) fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, level: f32) {
        let point = |x| LinePoint {
            p: at(x, y),
            bezier: false,
        };
        self.ops().extend([
            Op::SaveGraphicsState,
            Op::SetOutlineColor { col: grey(level) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![point(x1), point(x2)],
                    is_closed: false,
                },
            },
            Op::RestoreGraphicsState,
        ]);
    }

    /// A shaded band whose top edge is at `top`.
    pub(crate) fn band(&mut self, x: f32, top: f32, width: f32, height: f32, level: f32) {
        let rect = Rect::from_xywh(Pt(x), Pt(PAGE_HEIGHT - top - height), Pt(width), Pt(height));
        self.ops().extend([
            Op::SaveGraphicsState,
            Op::SetFillColor { col: grey(level) },
            Op::DrawRectangle { rectangle: rect },
            Op::RestoreGraphicsState,
        ]);
    }

    /// Numbers the pages of every section and writes the PDF, fonts subset to the glyphs used.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        let total = self.pages.len();
        let bounds: Vec<(usize, usize)> = self
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let end = self.sections.get(i + 1).map_or(total, |n| n.first_page);
                (s.first_page, end)
            })
            .collect();
        let mut numbered = Vec::with_capacity(total);
        for (first, end) in bounds {
            let count = end - first;
            for index in first..end {
                let n = index - first + 1;
                numbered.push((index, format!("第 {n} / {count} 页 · Page {n} of {count}")));
            }
        }
        let pages = std::mem::take(&mut self.pages);
        let mut out = Vec::with_capacity(pages.len());
        for (index, ops) in pages.into_iter().enumerate() {
            self.pages = vec![ops];
            if let Some((_, label)) = numbered.iter().find(|(i, _)| *i == index) {
                let style = Style::new(8.0).grey(0.4);
                self.text(PAGE_WIDTH / 2.0, FOOTER, style, Align::Center, label);
            }
            let ops = self.pages.pop().unwrap_or_default();
            out.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
        }
        let options = PdfSaveOptions {
            subset_fonts: true,
            ..Default::default()
        };
        self.doc.with_pages(out).save(&options, &mut Vec::new())
    }

    /// The text runs of every page so far, for tests.
    #[cfg(test)]
    pub(crate) fn page_texts(&self) -> Vec<Vec<String>> {
        self.pages
            .iter()
            .map(|ops| {
                ops.iter()
                    .filter_map(|op| match op {
                        Op::ShowText { items } => items.iter().find_map(|i| match i {
                            TextItem::Text(t) => Some(t.clone()),
                            _ => None,
                        }),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }
}
