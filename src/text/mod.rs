//! Text analysis: from a passage or a query to the terms the index and the engine compare.
//!
//! Terms:
//! - a *token* is a run of letters and digits in the original text, with its byte offsets;
//! - its *term* is the token folded: compatibility-decomposed, diacritics dropped, lowercased
//!   (`Cliënt` -> `client`);
//! - its *stem* is the Snowball Dutch stem of the term (`bezuinigingen` -> `bezuin`);
//! - a *stop word* is a very common word (`de`, `en`, `het`); it is indexed and searchable,
//!   and only weighs less in ranking;
//! - a *part* is a word of the corpus inside a longer term (`zorg` in `jeugdzorg`).
//!
//! The [`Analyzer`] runs the steps in this order, each a module of its own:
//! 1. [`tokenize`]: split into tokens and fix their byte offsets in the original text. Every
//!    later step works on terms and never moves an offset, so marks and snippets are slices
//!    of the original text.
//! 2. [`fold`]: Unicode compatibility normalisation, case and diacritics folding. It must come
//!    before stemming: the stemmer expects lowercase text without marks.
//! 3. [`is_stop_word`]: flags very common words, on folded terms (the list is folded too).
//! 4. [`stem`]: Snowball Dutch, on folded terms.
//! 5. [`compound`]: parts of compounds, against the vocabulary of the whole corpus, so at
//!    index time only, once per distinct term (the browser receives the result).
//!
//! Steps 1–2 run on every text, at build time for the corpus and in the browser for the
//! query; steps 3–4 run once per distinct term; step 5 once per vocabulary. The same code
//! runs on both sides, so the two always agree.

pub mod compound;
mod normalize;
mod stem;
mod stopwords;
mod tokenize;
mod unicode;

pub use compound::{Decompounder, Part, PartKind};
pub use normalize::{fold, fold_into};
pub use stem::stem;
pub use stopwords::is_stop_word;
pub use tokenize::{tokenize, RawToken};
pub use unicode::lowercase;

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
    /// A joined hyphen form (`ge-eist` as `geeist`); its parts are tokens too. Phrases and
    /// word sequences skip joined forms.
    pub joined: bool,
}

/// The analyser: the steps above, assembled in their order.
#[derive(Debug, Clone, Copy, Default)]
pub struct Analyzer;

impl Analyzer {
    /// Steps 1–2: the tokens of `text` with folded terms and original offsets; tokens that
    /// fold to nothing are dropped.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        self.each_token(text, |raw, term| {
            tokens.push(Token {
                term: term.to_string(),
                start: raw.start,
                end: raw.end,
                position: raw.position,
                joined: raw.joined,
            });
        });
        tokens
    }

    /// Steps 1–2 without allocating per token: calls `f` with each token and its folded term.
    pub fn each_token(&self, text: &str, mut f: impl FnMut(RawToken, &str)) {
        let mut term = String::new();
        for raw in tokenize(text) {
            fold_into(&text[raw.start..raw.end], &mut term);
            if !term.is_empty() {
                f(raw, &term);
            }
        }
    }

    /// Steps 3–4 for one folded term: its stem and whether it is a stop word.
    pub fn term(&self, term: &str) -> TermInfo {
        TermInfo { stem: stem(term), stop: is_stop_word(term) }
    }
}

/// What steps 3–4 say of a folded term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermInfo {
    pub stem: String,
    pub stop: bool,
}

/// Steps 1–2 over a text: tokens with folded terms and original offsets.
pub fn analyze(text: &str) -> Vec<Token> {
    Analyzer.tokens(text)
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
        check("clie\u{308}nt", &["client"]);
        check("...!?", &[]);
        check("", &[]);
    }

    #[track_caller]
    fn check_term(term: &str, stem: &str, stop: bool) {
        assert_eq!(
            Analyzer.term(term),
            TermInfo { stem: stem.to_string(), stop },
            "steps 3-4 for {term:?}"
        );
    }

    #[test]
    fn terms_get_stems_and_stop_flags() {
        check_term("bezuinigingen", "bezuin", false);
        check_term("de", "de", true);
        check_term("2015", "2015", false);
    }

    #[test]
    fn offsets_point_into_the_original() {
        for text in ["De cliënt, ge-eist.", "ĳs en ﬁnancieel", "clie\u{308}nt 😀 zorg"] {
            for token in analyze(text) {
                assert_eq!(fold(&text[token.start..token.end]), token.term, "{text:?}: {token:?}");
            }
        }
    }
}
