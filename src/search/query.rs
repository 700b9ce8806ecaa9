//! The query language a reader types: words, "quoted phrases" and -exclusions.
//!
//! `zorg "dichter bij de burger" -jeugd` asks for passages about `zorg` that contain the
//! phrase and do not mention `jeugd`. Terms:
//! - a *piece* is what the reader wrote between spaces and quotes: plain text, or a phrase in
//!   quotes (`"..."`, `“...”`, `„...”`), either of them *excluded* when a `-` opens it after a
//!   space (a `-` inside or after a word, as in `wet- en regelgeving`, is part of the text);
//! - a *word* is a folded term of plain text; a word in quotes on its own is *exact* (no other
//!   forms, parts or spellings); the last word is a *prefix* while the reader is still typing
//!   it (the input ends inside it);
//! - a *phrase* is two or more folded terms that must occur in this order, word for word.
//!
//! Parsing never fails: anything that is not a word is a separator, an unmatched quote closes
//! at the end, and what is read is capped (bytes, words, phrases, exclusions) so any input is
//! answered in bounded time.

use crate::text::{analyze, is_stop_word, Token};

/// At most this many bytes of the input are read.
pub const MAX_QUERY_BYTES: usize = 512;
/// At most this many words, phrases and exclusions are kept.
pub const MAX_WORDS: usize = 10;
pub const MAX_PHRASES: usize = 4;
pub const MAX_EXCLUDED: usize = 6;
/// At most this many terms per phrase.
pub const MAX_PHRASE_TERMS: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The words, in the order typed, each once.
    pub words: Vec<Word>,
    /// Each phrase as its folded terms, in order.
    pub phrases: Vec<Vec<String>>,
    /// Folded terms that must not occur.
    pub excluded: Vec<String>,
    /// Phrases that must not occur.
    pub excluded_phrases: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded term.
    pub term: String,
    /// The word is still being typed: terms that start with it count too.
    pub prefix: bool,
    /// A very common word: it weighs less and is not needed for a passage to match.
    pub stop: bool,
    /// Written in quotes on its own: only the word itself counts.
    pub exact: bool,
}

impl Query {
    /// True when the query asks for nothing (it may still exclude).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// True when every word is a stop word and there are no phrases: then stop words count.
    pub fn only_stop_words(&self) -> bool {
        self.phrases.is_empty() && self.words.iter().all(|w| w.stop)
    }
}

/// What the reader wrote between spaces and quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece<'q> {
    text: &'q str,
    quoted: bool,
    excluded: bool,
    /// Nothing follows the text: the reader may still be typing it.
    at_end: bool,
}

/// Parses what the reader typed.
pub fn parse(input: &str) -> Query {
    let mut query = Query::default();
    let typing = pieces_of(&mut query, truncate(input, MAX_QUERY_BYTES));
    mark_prefix(&mut query, typing);
    query
}

/// Parses any input piece by piece; returns whether the input ends inside the last word (see
/// [`mark_prefix`]).
fn pieces_of(query: &mut Query, input: &str) -> Option<bool> {
    // Decided by the last piece, after which the words do not change.
    let mut typing: Option<bool> = None;
    for piece in pieces(input) {
        let plain = !piece.quoted && !piece.excluded;
        let tokens = analyze(piece.text);
        // The last word of a plain piece that ends the input: (its term, whether the input
        // ends inside it).
        let last = (piece.at_end && plain).then(|| tokens.iter().rfind(|t| !t.joined)).flatten();
        let last = last.map(|t| (t.term.clone(), t.end == piece.text.len()));
        let terms = if piece.excluded { excluded_terms(tokens) } else { terms(tokens) };
        match (piece.excluded, piece.quoted, terms.len()) {
            (_, _, 0) => {}
            (true, true, 2..) => {
                push_capped(&mut query.excluded_phrases, capped_phrase(terms), MAX_EXCLUDED)
            }
            (true, _, _) => {
                terms.into_iter().for_each(|t| push_capped(&mut query.excluded, t, MAX_EXCLUDED))
            }
            (false, true, 2..) => {
                push_capped(&mut query.phrases, capped_phrase(terms), MAX_PHRASES)
            }
            (false, quoted, _) => {
                for t in terms {
                    add_word(query, t, quoted);
                }
            }
        }
        typing = last.and_then(|(term, inside)| is_last_word(query, &term).then_some(inside));
    }
    typing
}

fn is_last_word(query: &Query, term: &str) -> bool {
    query.words.last().is_some_and(|w| w.term == term)
}

/// The input's pieces, in order; each step consumes at least one character.
fn pieces(input: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = input;
    let mut after_space = true;
    std::iter::from_fn(move || {
        while let Some(c) = rest.chars().next() {
            if c.is_whitespace() {
                rest = &rest[c.len_utf8()..];
                after_space = true;
                continue;
            }
            let excluded = after_space
                && c == '-'
                && rest[1..].starts_with(|n: char| n.is_alphanumeric() || is_open_quote(n));
            let body = if excluded { &rest[1..] } else { rest };
            let (piece, tail) = match body.chars().next() {
                Some(q) if is_open_quote(q) => quoted(&body[q.len_utf8()..]),
                _ => plain(body, excluded),
            };
            after_space = false;
            rest = tail;
            return Some(Piece {
                text: piece,
                quoted: body.starts_with(is_open_quote),
                excluded,
                at_end: tail.is_empty(),
            });
        }
        None
    })
}

/// The folded terms of a piece, without joined hyphen forms: `ge-eist` is `ge eist`.
fn terms(tokens: Vec<Token>) -> Vec<String> {
    tokens.into_iter().filter(|t| !t.joined).map(|t| t.term).collect()
}

/// The folded terms of an excluded piece: a joined hyphen form stands for its parts, so
/// `-ge-eist` leaves out `geeist`, not every `ge`.
fn excluded_terms(tokens: Vec<Token>) -> Vec<String> {
    let joined: Vec<(usize, usize)> =
        tokens.iter().filter(|t| t.joined).map(|t| (t.start, t.end)).collect();
    let covered = |start: usize| joined.iter().any(|&(s, e)| s <= start && start < e);
    tokens.into_iter().filter(|t| t.joined || !covered(t.start)).map(|t| t.term).collect()
}

/// The phrase up to the closing quote (or the end), and what follows the quote.
fn quoted(body: &str) -> (&str, &str) {
    match body.char_indices().find(|&(_, c)| is_close_quote(c)) {
        Some((end, q)) => (&body[..end], &body[end + q.len_utf8()..]),
        None => (body, ""),
    }
}

/// Plain text up to the next space (or, unless excluded, the next quote); never empty.
fn plain(body: &str, excluded: bool) -> (&str, &str) {
    let stop = |c: char| c.is_whitespace() || (!excluded && is_open_quote(c));
    let first = body.chars().next().map_or(0, char::len_utf8);
    let end = body[first..].find(stop).map_or(body.len(), |i| first + i);
    (&body[..end], &body[end..])
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}')
}

/// Cuts `text` to at most `max` bytes at a character boundary.
fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn push_capped<T: PartialEq>(list: &mut Vec<T>, item: T, max: usize) {
    if list.len() < max && !list.contains(&item) {
        list.push(item);
    }
}

fn capped_phrase(mut terms: Vec<String>) -> Vec<String> {
    terms.truncate(MAX_PHRASE_TERMS);
    terms
}

/// Adds a word unless the query has it already or has as many as it keeps.
fn add_word(query: &mut Query, term: String, exact: bool) {
    if let Some(word) = query.words.iter_mut().find(|w| w.term == term) {
        word.exact &= exact;
    } else if query.words.len() < MAX_WORDS {
        let stop = is_stop_word(&term);
        query.words.push(Word { term, prefix: false, stop, exact });
    }
}

/// The last word is a prefix if the input ends inside it: the input's last token is that
/// word, unquoted, not excluded, and nothing follows it (`typing`, found while parsing). A
/// single letter is a prefix too: the first key typed shows the passages with the commonest
/// words it starts, not "nothing found".
fn mark_prefix(query: &mut Query, typing: Option<bool>) {
    if let (Some(last), Some(inside)) = (query.words.last_mut(), typing) {
        last.prefix = !last.exact && inside;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words as `term` with `*` for a prefix, `°` for a stop word, `!` for exact.
    fn words(q: &Query) -> Vec<String> {
        let flag = |on: bool, mark: &'static str| if on { mark } else { "" };
        q.words
            .iter()
            .map(|w| {
                format!(
                    "{}{}{}{}",
                    w.term,
                    flag(w.prefix, "*"),
                    flag(w.stop, "°"),
                    flag(w.exact, "!")
                )
            })
            .collect()
    }

    fn phrases(list: &[Vec<String>]) -> Vec<String> {
        list.iter().map(|p| p.join(" ")).collect()
    }

    /// `expected` lists words, then `"phrases"`, then `-exclusions` and `-"excluded phrases"`.
    #[track_caller]
    fn check(input: &str, expected: &[&str]) {
        let q = parse(input);
        let mut got = words(&q);
        got.extend(phrases(&q.phrases).into_iter().map(|p| format!("\"{p}\"")));
        got.extend(q.excluded.iter().map(|e| format!("-{e}")));
        got.extend(phrases(&q.excluded_phrases).into_iter().map(|p| format!("-\"{p}\"")));
        assert_eq!(got, expected, "parsing {input:?}");
    }

    #[test]
    fn parses_words_and_the_prefix_being_typed() {
        check("", &[]);
        check("zorg", &["zorg*"]);
        check("zorg ", &["zorg"]);
        check("Cliënt jeugdzorg", &["client", "jeugdzorg*"]);
        check("de zorg", &["de°", "zorg*"]);
        check("zorg zorg ZORG", &["zorg*"]);
        check("zorg.", &["zorg"]);
        check("a", &["a*"]);
        check("ZORG2015", &["zorg2015*"]);
        check("De", &["de*°"]);
        check("a ", &["a"]);
        check("404 gemeenten", &["404", "gemeenten*"]);
        check("wet- en regelgeving", &["wet", "en°", "regelgeving*"]);
        check("ge-eist", &["ge°", "eist*"]);
        check("bezuinigingen/besparingen", &["bezuinigingen", "besparingen*"]);
    }

    #[test]
    fn parses_phrases() {
        check("\"dichter bij de burger\"", &["\"dichter bij de burger\""]);
        check("\"dichter bij de burger", &["\"dichter bij de burger\""]);
        check("„bestuurlijk aanbesteden”", &["\"bestuurlijk aanbesteden\""]);
        check("“eigen kracht” zorg", &["zorg*", "\"eigen kracht\""]);
        check("zorg\"eigen kracht\"", &["zorg", "\"eigen kracht\""]);
        check("\"zorg\" geld", &["zorg!", "geld*"]);
        check("\"zorg\"", &["zorg!"]);
        check("\"\"", &[]);
    }

    #[test]
    fn parses_exclusions() {
        check("gemeente -jeugd", &["gemeente", "-jeugd"]);
        check("-jeugd gemeente", &["gemeente*", "-jeugd"]);
        check("zorg -\"eigen kracht\"", &["zorg", "-\"eigen kracht\""]);
        check("zorg -\"jeugd\"", &["zorg", "-jeugd"]);
        check("zorg -ge-eist", &["zorg", "-geeist"]);
        check("zorg -wet- -x/y", &["zorg", "-wet", "-x", "-y"]);
        check("zorg - jeugd", &["zorg", "jeugd*"]);
        check("zorg-jeugd", &["zorg", "jeugd*"]);
        check("-", &[]);
        check("--jeugd", &["jeugd*"]);
    }

    #[test]
    fn ignores_what_is_not_a_word() {
        check("!!! ??? ...", &[]);
        check("\u{202e}\u{200b}😀", &[]);
        check("\u{301}zorg", &["zorg*"]);
    }

    #[test]
    fn caps_what_it_reads() {
        let long = "woord ".repeat(5000);
        assert!(parse(&long).words.len() <= MAX_WORDS);
        let many: String = (0..100).map(|i| format!("w{i} ")).collect();
        assert_eq!(parse(&many).words.len(), MAX_WORDS);
        let phrases = (0..50).map(|i| format!("\"a{i} b\" ")).collect::<String>();
        assert_eq!(parse(&phrases).phrases.len(), MAX_PHRASES);
        let long_phrase = format!("\"{}\"", "a ".repeat(100));
        assert!(parse(&long_phrase).phrases.iter().all(|p| p.len() <= MAX_PHRASE_TERMS));
        let exclusions: String = (0..50).map(|i| format!("-w{i} ")).collect();
        assert_eq!(parse(&exclusions).excluded.len(), MAX_EXCLUDED);
        assert_eq!(truncate("ééé", 3), "é");
    }
}
