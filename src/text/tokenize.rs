//! Tokenising: runs of letters and digits, with byte offsets and word positions.
//!
//! Everything that is not a letter or digit separates tokens, so `wet- en regelgeving`,
//! `bezuinigingen/besparingen` and `2016-2017` split where a reader expects. Words joined by
//! hyphens without spaces (`ge-eist`, `gezin-één`) also yield the joined form (`geeist`),
//! spanning the whole run, so a query written either way finds them.

use super::unicode::is_combining_mark;

/// A token before folding: offsets into the original text and its word position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    pub start: usize,
    pub end: usize,
    pub position: u32,
    /// A joined hyphen form (`ge-eist`), spanning its parts; they are tokens of their own too.
    pub joined: bool,
}

/// The tokens of `text`, in order; a joined hyphen form follows its last part.
pub fn tokenize(text: &str) -> impl Iterator<Item = RawToken> {
    let words = words(text);
    let mut tokens = Vec::with_capacity(words.len() + 2);
    let mut run_start = 0; // index in `words` of the first part of the current hyphen run
    for (i, &(start, end)) in words.iter().enumerate() {
        tokens.push(RawToken { start, end, position: i as u32, joined: false });
        // Number ranges (2016-2017) stay apart; words joined by one hyphen also count whole.
        let joined_to_next = words.get(i + 1).is_some_and(|&(next, next_end)| {
            is_single_hyphen(&text[end..next])
                && !is_number(&text[start..end])
                && !is_number(&text[next..next_end])
        });
        if !joined_to_next {
            if i > run_start {
                tokens.push(RawToken {
                    start: words[run_start].0,
                    end,
                    position: run_start as u32,
                    joined: true,
                });
            }
            run_start = i + 1;
        }
    }
    tokens.into_iter()
}

/// Byte ranges of the runs of letters and digits. A combining mark continues the word it
/// follows, so text written decomposed (`clie\u{308}nt`) stays one word.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || (start.is_some() && is_combining_mark(c));
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    words
}

fn is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_numeric())
}

fn is_single_hyphen(between: &str) -> bool {
    let mut chars = between.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_hyphen(c))
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = tokenize(text).map(|t| &text[t.start..t.end]).collect();
        assert_eq!(got, expected, "tokenizing {text:?}");
    }

    #[test]
    fn splits_and_joins() {
        check(
            "Het kan niet goedkoper, als 404 gemeenten...",
            &["Het", "kan", "niet", "goedkoper", "als", "404", "gemeenten"],
        );
        check("wet- en regelgeving", &["wet", "en", "regelgeving"]);
        check("ge-eist", &["ge", "eist", "ge-eist"]);
        check(
            "één gezin-één plan-één regisseur",
            &["één", "gezin", "één", "gezin-één", "plan", "één", "plan-één", "regisseur"],
        );
        check("2016-2017", &["2016", "2017"]);
        check("maar per - 30 of 40 regio’s", &["maar", "per", "30", "of", "40", "regio", "s"]);
        check("(zorg)professionals", &["zorg", "professionals"]);
        check("bezuinigingen/besparingen", &["bezuinigingen", "besparingen"]);
        check("clie\u{308}nt", &["clie\u{308}nt"]);
        check("\u{308}a", &["a"]);
        check("Wmo 2015", &["Wmo", "2015"]);
        check("e-mail", &["e", "mail", "e-mail"]);
        check("a--b", &["a", "b"]);
        check("", &[]);
        check("— … ‘’", &[]);
    }

    #[test]
    fn positions_count_words_and_joined_forms_share_the_first() {
        let text = "de ge-eist zorg";
        let positions: Vec<(u32, bool)> = tokenize(text).map(|t| (t.position, t.joined)).collect();
        assert_eq!(positions, [(0, false), (1, false), (2, false), (1, true), (3, false)]);
    }
}
