//! The one embedded face, Noto Sans SC Regular (SIL OFL 1.1, `fonts/OFL.txt`): Chinese and Latin
//! in one font, parsed once per process. Text is measured with its advances, exactly as a PDF
//! viewer places it, so right-aligned amounts line up.

use std::sync::LazyLock;

use printpdf::ParsedFont;

use crate::error::{Error, Result};

const NOTO_SANS_SC: &[u8] = include_bytes!("../../fonts/NotoSansSC-Regular.ttf");

static FACE: LazyLock<Option<ParsedFont>> =
    LazyLock::new(|| ParsedFont::from_bytes(NOTO_SANS_SC, 0, &mut Vec::new()));

/// The parsed face with its measurements.
#[derive(Clone, Copy)]
pub(crate) struct Face {
    font: &'static ParsedFont,
    units_per_em: f32,
}

impl Face {
    /// The embedded face (parsed on first use, about 10 MB of tables).
    pub(crate) fn get() -> Result<Self> {
        let font = FACE
            .as_ref()
            .ok_or_else(|| Error::Internal("the embedded font does not parse".into()))?;
        let units_per_em = f32::from(font.font_metrics.units_per_em.max(1));
        Ok(Self { font, units_per_em })
    }

    pub(crate) fn font(&self) -> &'static ParsedFont {
        self.font
    }

    /// Width of `text` in points at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| match self.font.lookup_glyph_index(u32::from(c)) {
                Some(gid) => f32::from(self.font.get_horizontal_advance(gid)),
                None => self.units_per_em / 2.0,
            })
            .sum();
        units * size / self.units_per_em
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_face_measures_latin_and_chinese() {
        let face = Face::get().expect("font parses");
        let latin = face.width("Total", 10.0);
        assert!(latin > 15.0 && latin < 30.0, "{latin}");
        // CJK ideographs are one em wide.
        assert!((face.width("预订", 10.0) - 20.0).abs() < 0.5);
        assert!(face.width("", 10.0).abs() < f32::EPSILON);
        // The no-break space between a currency and its amount is a real glyph.
        assert!(face.font().lookup_glyph_index(0xA0).is_some());
    }
}
