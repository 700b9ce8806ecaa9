//! Marks and snippets: where a passage matched, and a fragment of it around its best match.
//!
//! Terms:
//! - a *mark* is a byte range of a text that matched: a token whose term the query stands
//!   for, or a phrase; marks are sorted and never overlap;
//! - a *snippet* is a fragment of a passage around its best stretch of marks, with the marks
//!   that fall inside it.
//!
//! A snippet is data, not HTML: the fragment is a slice of the original passage text and
//! each mark is a byte range into that fragment, so the UI renders text and `<mark>` elements
//! itself and nothing from the corpus is ever parsed as markup.

use crate::text::{analyze, Token};

/// At most this many characters of a passage are shown; shorter passages are shown whole.
pub const SNIPPET_CHARS: usize = 260;
/// Characters of context kept before the first mark of the chosen window.
const LEAD_CHARS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// A slice of the passage text.
    pub text: String,
    /// Byte offset of `text` in the passage text.
    pub offset: usize,
    /// Marked byte ranges within `text`, sorted and not overlapping.
    pub marks: Vec<(usize, usize)>,
    /// The passage goes on before / after the fragment.
    pub cut_start: bool,
    pub cut_end: bool,
}

/// Marks the tokens of `text` whose term is in `terms`, and the spans of `phrases`.
pub fn marks(text: &str, terms: &[&str], phrases: &[Vec<String>]) -> Vec<(usize, usize)> {
    let mut marks: Vec<(usize, usize)> = analyze(text)
        .into_iter()
        .filter(|t| terms.contains(&t.term.as_str()))
        .map(|t| (t.start, t.end))
        .collect();
    for phrase in phrases {
        marks.extend(phrase_spans(text, phrase));
    }
    merge(marks)
}

/// Sorted, with overlapping and touching ranges joined.
pub fn merge(mut marks: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    crate::sort::sort_by_key(&mut marks, |&(s, e)| {
        (s.min(u32::MAX as usize) as u64) << 32 | e.min(u32::MAX as usize) as u64
    });
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(marks.len());
    for (s, e) in marks {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Byte spans in `text` where the phrase occurs, word for word after folding.
pub fn phrase_spans(text: &str, phrase: &[String]) -> Vec<(usize, usize)> {
    phrase_spans_in(&analyze(text), phrase)
}

/// [`phrase_spans`] in the tokens of a text; joined hyphen forms are not words of a phrase.
pub fn phrase_spans_in(tokens: &[Token], phrase: &[String]) -> Vec<(usize, usize)> {
    let words: Vec<&Token> = tokens.iter().filter(|t| !t.joined).collect();
    if phrase.is_empty() || words.len() < phrase.len() {
        return Vec::new();
    }
    words
        .windows(phrase.len())
        .filter(|window| window.iter().zip(phrase).all(|(t, p)| &t.term == p))
        .map(|window| (window[0].start, window[phrase.len() - 1].end))
        .collect()
}

/// The snippet of `text` around its best stretch of `marks` (sorted byte ranges of `text`).
pub fn snippet(text: &str, marks: &[(usize, usize)]) -> Snippet {
    if text.chars().count() <= SNIPPET_CHARS {
        return Snippet {
            text: text.to_string(),
            offset: 0,
            marks: marks.to_vec(),
            cut_start: false,
            cut_end: false,
        };
    }
    let (start, end) = window(text, marks);
    let fragment = &text[start..end];
    let start = start + (fragment.len() - fragment.trim_start().len());
    let end = end - (fragment.len() - fragment.trim_end().len());
    Snippet {
        text: text[start..end].to_string(),
        offset: start,
        marks: marks
            .iter()
            .filter(|&&(s, e)| s >= start && e <= end)
            .map(|&(s, e)| (s - start, e - start))
            .collect(),
        cut_start: start > 0,
        cut_end: end < text.len(),
    }
}

/// The byte range to show: about [`SNIPPET_CHARS`] characters on word boundaries, starting a
/// little before the mark that begins the stretch holding the most marks.
fn window(text: &str, marks: &[(usize, usize)]) -> (usize, usize) {
    // Where each character starts, found once: a window of characters is then a look-up,
    // and a passage with many marks costs no more than one with few.
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let window_bytes = |from: usize| {
        starts.get(starts.partition_point(|&i| i < from) + SNIPPET_CHARS).map_or(text.len(), |&i| i)
            - from
    };
    // Marks are sorted and apart, so their ends are sorted too: the marks inside a window
    // that starts at mark `i` are `i` up to the first that ends beyond it.
    let best = marks
        .iter()
        .enumerate()
        .map(|(i, &(s, _))| (i, s, s + window_bytes(s)))
        .map(|(i, s, limit)| (s, marks.partition_point(|&(_, e)| e <= limit).saturating_sub(i)))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(0, |(s, _)| s);
    let start = word_start(text, back_chars(text, best, LEAD_CHARS));
    let end = word_end(text, (start + window_bytes(start)).min(text.len()));
    if end == text.len() {
        // Near the end: show a full window ending there.
        return (word_start(text, back_chars(text, end, SNIPPET_CHARS)), end);
    }
    (start, end)
}

fn back_chars(text: &str, from: usize, chars: usize) -> usize {
    text[..from].char_indices().rev().nth(chars.saturating_sub(1)).map_or(0, |(i, _)| i)
}

/// A word is looked for at most this many bytes away; beyond, the cut falls inside it.
const MAX_WORD_BYTES: usize = 40;

/// Moves `at` back to the start of the word it is in.
fn word_start(text: &str, at: usize) -> usize {
    let from = back_bytes(text, at, MAX_WORD_BYTES);
    text[from..at]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(if from == 0 { 0 } else { at }, |(i, c)| from + i + c.len_utf8())
}

/// Moves `at` forward to the end of the word it is in.
fn word_end(text: &str, at: usize) -> usize {
    let to = (at + MAX_WORD_BYTES).min(text.len());
    let to = (to..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
    text[at..to]
        .find(char::is_whitespace)
        .map_or(if to == text.len() { to } else { at }, |i| at + i)
}

/// `at` moved back by up to `bytes`, on a character boundary.
fn back_bytes(text: &str, at: usize, bytes: usize) -> usize {
    (0..=at.saturating_sub(bytes)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_phrase(text: &str, phrase: &str, expected: &[&str]) {
        let terms: Vec<String> = phrase.split(' ').map(str::to_string).collect();
        let got: Vec<&str> =
            phrase_spans(text, &terms).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, expected, "{phrase:?} in {text:?}");
    }

    #[test]
    fn phrases_match_word_for_word_after_folding() {
        check_phrase(
            "Staan ze dichter bij de burger? Ja.",
            "dichter bij de burger",
            &["dichter bij de burger"],
        );
        check_phrase(
            "DICHTER BIJ de Burger, dichter bij de burger",
            "dichter bij de burger",
            &["DICHTER BIJ de Burger", "dichter bij de burger"],
        );
        check_phrase("wet- en regelgeving", "wet en regelgeving", &["wet- en regelgeving"]);
        check_phrase("één gezin-één plan", "gezin een plan", &["gezin-één plan"]);
        check_phrase("dichter bij burger", "dichter bij de burger", &[]);
    }

    #[track_caller]
    fn check_merge(marks: &[(usize, usize)], expected: &[(usize, usize)]) {
        assert_eq!(merge(marks.to_vec()), expected, "merging {marks:?}");
    }

    #[test]
    fn marks_are_sorted_and_never_overlap() {
        check_merge(&[(5, 9), (0, 3)], &[(0, 3), (5, 9)]);
        check_merge(&[(0, 5), (3, 9)], &[(0, 9)]);
        check_merge(&[(0, 5), (5, 9)], &[(0, 9)]);
        check_merge(&[(0, 9), (2, 3)], &[(0, 9)]);
        check_merge(&[], &[]);
    }

    #[test]
    fn short_passages_are_shown_whole_with_marks() {
        let text = "De jeugdzorg en de zorg.";
        let s = snippet(text, &marks(text, &["zorg"], &[]));
        assert_eq!(s.text, "De jeugdzorg en de zorg.");
        assert_eq!(s.marks, vec![(19, 23)]);
        assert!(!s.cut_start && !s.cut_end);
    }

    #[test]
    fn long_passages_are_cut_around_the_best_match() {
        let text = format!("{} zorg aan huis. {}", "woord ".repeat(100), "slot ".repeat(100));
        let s = snippet(&text, &marks(&text, &["zorg"], &[]));
        assert!(s.cut_start && s.cut_end, "{s:?}");
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 10);
        let (a, b) = s.marks[0];
        assert_eq!(&s.text[a..b], "zorg");
        assert_eq!(&text[s.offset + a..s.offset + b], "zorg");
    }

    #[test]
    fn text_without_spaces_is_still_cut_short() {
        let text = "x".repeat(10_000) + "zorg" + &"y".repeat(10_000);
        let s = snippet(&text, &marks(&text, &["zorg"], &[]));
        assert!(s.text.len() <= SNIPPET_CHARS + 2 * MAX_WORD_BYTES, "{} bytes", s.text.len());
        let text = "é".repeat(500);
        let s = snippet(&text, &[]);
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 2 * MAX_WORD_BYTES);
    }

    #[test]
    fn phrases_are_marked_as_one_span() {
        let text = "Staan ze dichter bij de burger? Ja.";
        let s = snippet(
            text,
            &marks(
                text,
                &[],
                &[vec!["dichter".into(), "bij".into(), "de".into(), "burger".into()]],
            ),
        );
        assert_eq!(&s.text[s.marks[0].0..s.marks[0].1], "dichter bij de burger");
    }
}
