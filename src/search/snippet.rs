//! Snippets: a fragment of a passage around its best match, with the matched words marked.
//!
//! A snippet is data, not HTML: the fragment is a slice of the original passage text and
//! each mark is a byte range into that fragment, so the UI renders text and `<mark>` elements
//! itself and nothing from the corpus is ever parsed as markup.

use crate::text::analyze;

use super::engine::phrase_spans;

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
    marks.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(marks.len());
    for (s, e) in marks {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

pub fn snippet(text: &str, terms: &[&str], phrases: &[Vec<String>]) -> Snippet {
    let marks = marks(text, terms, phrases);
    if text.chars().count() <= SNIPPET_CHARS {
        return Snippet { text: text.to_string(), offset: 0, marks, cut_start: false, cut_end: false };
    }
    let window_bytes = byte_len_of_chars(text, 0, SNIPPET_CHARS);
    // The window holding the most marks, starting a little before one of them.
    let best = marks
        .iter()
        .map(|&(s, _)| (s, marks.iter().filter(|&&(m, e)| m >= s && e <= s + window_bytes).count()))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(0, |(s, _)| s);
    let mut start = back_chars(text, best, LEAD_CHARS);
    start = word_start(text, start);
    let mut end = (start + byte_len_of_chars(text, start, SNIPPET_CHARS)).min(text.len());
    end = word_end(text, end);
    if end == text.len() {
        // Near the end: show a full window ending there.
        start = word_start(text, back_chars(text, end, SNIPPET_CHARS));
    }
    let fragment = &text[start..end];
    let trimmed_start = start + (fragment.len() - fragment.trim_start().len());
    let trimmed_end = end - (fragment.len() - fragment.trim_end().len());
    Snippet {
        text: text[trimmed_start..trimmed_end].to_string(),
        offset: trimmed_start,
        marks: marks
            .iter()
            .filter(|&&(s, e)| s >= trimmed_start && e <= trimmed_end)
            .map(|&(s, e)| (s - trimmed_start, e - trimmed_start))
            .collect(),
        cut_start: trimmed_start > 0,
        cut_end: trimmed_end < text.len(),
    }
}

fn byte_len_of_chars(text: &str, from: usize, chars: usize) -> usize {
    text[from..].char_indices().nth(chars).map_or(text.len() - from, |(i, _)| i)
}

fn back_chars(text: &str, from: usize, chars: usize) -> usize {
    text[..from].char_indices().rev().nth(chars.saturating_sub(1)).map_or(0, |(i, _)| i)
}

/// Moves `at` back to the start of the word it is in.
fn word_start(text: &str, at: usize) -> usize {
    text[..at].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8())
}

/// Moves `at` forward to the end of the word it is in.
fn word_end(text: &str, at: usize) -> usize {
    text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passages_are_shown_whole_with_marks() {
        let s = snippet("De jeugdzorg en de zorg.", &["zorg"], &[]);
        assert_eq!(s.text, "De jeugdzorg en de zorg.");
        assert_eq!(s.marks, vec![(19, 23)]);
        assert!(!s.cut_start && !s.cut_end);
    }

    #[test]
    fn long_passages_are_cut_around_the_best_match() {
        let text = format!("{} zorg aan huis. {}", "woord ".repeat(100), "slot ".repeat(100));
        let s = snippet(&text, &["zorg"], &[]);
        assert!(s.cut_start && s.cut_end, "{s:?}");
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 10);
        let (a, b) = s.marks[0];
        assert_eq!(&s.text[a..b], "zorg");
        assert_eq!(&text[s.offset + a..s.offset + b], "zorg");
    }

    #[test]
    fn phrases_are_marked_as_one_span() {
        let s = snippet("Staan ze dichter bij de burger? Ja.", &[], &[vec!["dichter".into(), "bij".into(), "de".into(), "burger".into()]]);
        assert_eq!(&s.text[s.marks[0].0..s.marks[0].1], "dichter bij de burger");
    }
}
