//! Line breaking for mixed Chinese and Latin text: between words in Latin, between any two
//! Chinese characters, never before closing punctuation, and inside a word only when the word
//! alone is wider than the line. Explicit newlines start a new line.

use super::font::Face;

/// Breaks `text` into lines no wider than `max` points at `size` points.
pub(crate) fn wrap(face: Face, text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for token in tokens(paragraph) {
            let candidate = format!("{line}{token}");
            if face.width(candidate.trim_end(), size) <= max || line.trim().is_empty() {
                line = candidate;
            } else {
                lines.push(line.trim_end().to_string());
                line = token.trim_start().to_string();
            }
            // A single token wider than the line is cut where it must be.
            while face.width(line.trim_end(), size) > max {
                let (head, tail) = split_at_width(face, &line, size, max);
                lines.push(head);
                line = tail;
            }
        }
        lines.push(line.trim_end().to_string());
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn split_at_width(face: Face, text: &str, size: f32, max: f32) -> (String, String) {
    let mut head = String::new();
    for (i, c) in text.char_indices() {
        head.push(c);
        if face.width(&head, size) > max && i > 0 {
            head.pop();
            return (head, text[i..].to_string());
        }
    }
    (head, String::new())
}

/// Whether a line may break before and after `c` (Chinese, Japanese and Korean characters and
/// full-width forms).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
            | 0x20000..=0x2FA1F)
}

/// Punctuation that stays with the text before it.
fn is_closing(c: char) -> bool {
    ",.;:!?)]}%，。、；：！？）》」』】〉".contains(c)
}

/// Unbreakable pieces: a Latin word with its following spaces, or one wide character; closing
/// punctuation joins the piece before it.
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_closing(c) && word.is_empty() {
            match out.last_mut() {
                Some(last) if !last.ends_with(' ') => last.push(c),
                _ => word.push(c),
            }
        } else if is_wide(c) && !is_closing(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else if c == ' ' {
            word.push(c);
            out.push(std::mem::take(&mut word));
        } else {
            if word.ends_with(' ') {
                out.push(std::mem::take(&mut word));
            }
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face() -> Face {
        Face::get().expect("font")
    }

    #[test]
    fn latin_breaks_between_words() {
        let lines = wrap(
            face(),
            "Free cancellation until two days before arrival",
            10.0,
            120.0,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| face().width(l, 10.0) <= 120.0));
        assert_eq!(
            lines.join(" "),
            "Free cancellation until two days before arrival"
        );
    }

    #[test]
    fn chinese_breaks_anywhere_but_before_closing_punctuation() {
        let text = "入住日前二十四小时之前可免费取消，此后取消收取首晚房费。";
        let lines = wrap(face(), text, 10.0, 100.0);
        assert_eq!(lines.concat(), text);
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|l| !l.starts_with('，') && !l.starts_with('。'))
        );
        assert!(lines.iter().all(|l| face().width(l, 10.0) <= 100.0));
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_and_newlines_are_kept() {
        let lines = wrap(face(), "abcdefghijklmnopqrstuvwxyz\nnext", 10.0, 40.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.last().map(String::as_str), Some("next"));
        assert!(lines.iter().all(|l| face().width(l, 10.0) <= 40.0));
        assert_eq!(wrap(face(), "", 10.0, 40.0), vec![String::new()]);
    }
}
