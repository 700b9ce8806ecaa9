//! Text analysis: from a passage or a query to the terms the index and the engine compare.
//!
//! Terms:
//! - a *token* is a run of letters and digits in the original text, with its byte offsets;
//! - its *term* is the token folded: compatibility-decomposed, diacritics dropped, lowercased
//!   (`Cliënt` -> `client`);
//! - its *stem* is the Snowball Dutch stem of the term (`bezuinigingen` -> `bezuinig`);
//! - a *stop word* is a very common word (`de`, `en`, `het`); it is indexed and searchable, and
//!   only weighs less in ranking.
//!
//! The pipeline, in order: [`tokenize`] (split, keep offsets) -> [`fold`] (normalise, fold
//! case and diacritics) -> [`stem`]. The same code analyses the corpus in build.rs and the
//! query in the browser, so both sides always agree. Analysis never moves offsets: marks and
//! snippets are slices of the original text.

mod normalize;
mod stem;
mod stopwords;
mod tokenize;

pub use normalize::fold;
pub use stem::stem;
pub use stopwords::is_stop_word;
pub use tokenize::{tokenize, RawToken};

/// One analysed token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded term.
    pub term: String,
    /// Byte offsets of the token in the original text.
    pub start: usize,
    pub end: usize,
    /// Word position in the text, for phrases. Joined hyphen forms share the position of
    /// their first part.
    pub position: u32,
}

/// Runs the pipeline over a text: tokens with folded terms and original offsets.
pub fn analyze(text: &str) -> Vec<Token> {
    tokenize(text)
        .map(|raw| Token { term: fold(&text[raw.start..raw.end]), start: raw.start, end: raw.end, position: raw.position })
        .filter(|t| !t.term.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let terms: Vec<String> = analyze(text).into_iter().map(|t| t.term).collect();
        assert_eq!(terms, expected, "analysing {text:?}");
    }

    #[test]
    fn analyses_dutch_text() {
        check("Cliënt en zorgcontinuïteit", &["client", "en", "zorgcontinuiteit"]);
        check("wet- en regelgeving", &["wet", "en", "regelgeving"]);
        check("bezuinigingen/besparingen", &["bezuinigingen", "besparingen"]);
        check("404 gemeenten, 2016-2017", &["404", "gemeenten", "2016", "2017"]);
        check("GARANTIE ge-eist", &["garantie", "ge", "eist", "geeist"]);
        check("‘één gezin-één plan’", &["een", "gezin", "een", "gezineen", "plan"]);
        check("geëxperimenteerd", &["geexperimenteerd"]);
        check("...!?", &[]);
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "De cliënt, ge-eist.";
        for token in analyze(text) {
            assert_eq!(fold(&text[token.start..token.end]), token.term, "{token:?}");
        }
    }
}
