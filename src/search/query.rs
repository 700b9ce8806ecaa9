//! The query language a reader types: words, "quoted phrases" and -exclusions.
//!
//! `zorg "dichter bij de burger" -jeugd` asks for passages about `zorg` that contain the
//! phrase and do not mention `jeugd`. The last word counts as a prefix while the reader is
//! still typing it (no space after it yet). Parsing never fails: anything that is not a word
//! is a separator, unmatched quotes close at the end, and the size of what is looked at is
//! capped so any input is answered in bounded time.

use crate::text::{analyze, is_stop_word};

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
    pub words: Vec<Word>,
    /// Each phrase as its folded terms, in order.
    pub phrases: Vec<Vec<String>>,
    /// Folded terms that must not occur.
    pub excluded: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded term.
    pub term: String,
    /// The word is still being typed: terms that start with it count too.
    pub prefix: bool,
    /// A very common word: it weighs less and is not needed for a passage to match.
    pub stop: bool,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// True when every word is a stop word and there are no phrases: then stop words count.
    pub fn only_stop_words(&self) -> bool {
        self.phrases.is_empty() && self.words.iter().all(|w| w.stop)
    }
}

/// Parses what the reader typed.
pub fn parse(input: &str) -> Query {
    let input = truncate(input, MAX_QUERY_BYTES);
    let mut query = Query::default();
    let mut rest = input;
    while let Some(c) = rest.chars().next() {
        if c == '"' || c == '\u{201c}' || c == '\u{201d}' || c == '\u{201e}' {
            let body = &rest[c.len_utf8()..];
            let end = body.find(['"', '\u{201c}', '\u{201d}']).unwrap_or(body.len());
            add_phrase(&mut query, &body[..end]);
            rest = body.get(end..).map_or("", |r| r.strip_prefix(|c: char| "\"\u{201c}\u{201d}".contains(c)).unwrap_or(r));
        } else if c == '-' && rest[1..].starts_with(|n: char| n.is_alphanumeric() || n == '"') {
            let body = &rest[1..];
            let end = body.find(char::is_whitespace).unwrap_or(body.len());
            for token in analyze(&body[..end]) {
                if query.excluded.len() < MAX_EXCLUDED && !query.excluded.contains(&token.term) {
                    query.excluded.push(token.term);
                }
            }
            rest = &body[end..];
        } else {
            let end = rest.find(['"', '\u{201c}', '\u{201d}', '\u{201e}']).unwrap_or(rest.len());
            let plain = before_exclusion(&rest[..end]);
            add_words(&mut query, plain);
            rest = &rest[plain.len()..];
        }
    }
    mark_prefix(&mut query, input);
    query
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

/// The plain text before the next exclusion (`-word` after whitespace); never empty for a
/// non-empty `text`, so parsing always advances.
fn before_exclusion(text: &str) -> &str {
    let bytes = text.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i] == b'-' && bytes[i - 1].is_ascii_whitespace() && text[i + 1..].starts_with(|n: char| n.is_alphanumeric()) {
            return &text[..i];
        }
    }
    text
}

fn add_words(query: &mut Query, text: &str) {
    for token in analyze(text) {
        // Joined hyphen forms (`ge-eist`) are searched through their parts.
        if text[token.start..token.end].contains(|c: char| !c.is_alphanumeric()) {
            continue;
        }
        if query.words.len() >= MAX_WORDS {
            break;
        }
        if !query.words.iter().any(|w| w.term == token.term) {
            let stop = is_stop_word(&token.term);
            query.words.push(Word { term: token.term, prefix: false, stop });
        }
    }
}

fn add_phrase(query: &mut Query, text: &str) {
    let terms: Vec<String> = analyze(text)
        .into_iter()
        .filter(|t| !text[t.start..t.end].contains(|c: char| !c.is_alphanumeric()))
        .map(|t| t.term)
        .take(MAX_PHRASE_TERMS)
        .collect();
    match terms.len() {
        0 => {}
        1 => add_words(query, text),
        _ if query.phrases.len() < MAX_PHRASES => query.phrases.push(terms),
        _ => {}
    }
}

/// The last word is a prefix if the input ends inside it (no space, quote or dash after it).
fn mark_prefix(query: &mut Query, input: &str) {
    let Some(last) = query.words.last_mut() else { return };
    let ends_in_word = input.chars().last().is_some_and(char::is_alphanumeric);
    let tail_is_last_word = analyze(input)
        .last()
        .is_some_and(|t| t.term == last.term && t.end == input.len() && !input[..t.start].ends_with(['-', '"']));
    last.prefix = ends_in_word && tail_is_last_word && last.term.chars().count() >= 2;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &Query) -> Vec<String> {
        q.words.iter().map(|w| format!("{}{}{}", w.term, if w.prefix { "*" } else { "" }, if w.stop { "°" } else { "" })).collect()
    }

    #[track_caller]
    fn check(input: &str, expected_words: &[&str], phrases: &[&[&str]], excluded: &[&str]) {
        let q = parse(input);
        assert_eq!(words(&q), expected_words, "words of {input:?}");
        let got: Vec<Vec<&str>> = q.phrases.iter().map(|p| p.iter().map(String::as_str).collect()).collect();
        assert_eq!(got, phrases, "phrases of {input:?}");
        assert_eq!(q.excluded, excluded, "exclusions of {input:?}");
    }

    #[test]
    fn parses_what_readers_type() {
        check("", &[], &[], &[]);
        check("zorg", &["zorg*"], &[], &[]);
        check("zorg ", &["zorg"], &[], &[]);
        check("Cliënt jeugdzorg", &["client", "jeugdzorg*"], &[], &[]);
        check("de zorg", &["de°", "zorg*"], &[], &[]);
        check("\"dichter bij de burger\"", &[], &[&["dichter", "bij", "de", "burger"]], &[]);
        check("\"dichter bij de burger", &[], &[&["dichter", "bij", "de", "burger"]], &[]);
        check("gemeente -jeugd", &["gemeente"], &[], &["jeugd"]);
        check("-jeugd gemeente", &["gemeente*"], &[], &["jeugd"]);
        check("wet- en regelgeving", &["wet", "en°", "regelgeving*"], &[], &[]);
        check("zorg zorg ZORG", &["zorg*"], &[], &[]);
        check("\"zorg\" geld", &["zorg", "geld*"], &[], &[]);
        check("ge-eist", &["ge°", "eist"], &[], &[]);
        check("„bestuurlijk aanbesteden”", &[], &[&["bestuurlijk", "aanbesteden"]], &[]);
        check("!!! ??? ...", &[], &[], &[]);
        check("a", &["a"], &[], &[]);
    }

    #[test]
    fn caps_what_it_reads() {
        let long = "woord ".repeat(5000);
        let q = parse(&long);
        assert!(q.words.len() <= MAX_WORDS);
        let many: String = (0..100).map(|i| format!("w{i} ")).collect();
        assert_eq!(parse(&many).words.len(), MAX_WORDS);
        let phrases = "\"a b\" ".repeat(50);
        assert!(parse(&phrases).phrases.len() <= MAX_PHRASES);
        assert_eq!(truncate("ééé", 3), "é");
    }
}
