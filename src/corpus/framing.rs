//! Framing words (kaderwoorden): the loaded words of the debate, curated in
//! `corpus/framing.toml`, each with at most one short quote per side.
//!
//! Terms:
//! - a *framing word* is a word or fixed phrase the sides use differently (`transformatie`,
//!   `eigen kracht`); it opens the Woorden view, and may name a glossary entry (`begrip`),
//!   which then shows the quotes;
//! - a *quote* is a short run of a passage's text, word for word, picked by a curator to show
//!   how one side uses the word. It is stored as byte offsets into the passage text, so it is
//!   always a slice of the original.
//!
//! A side *uses* a word when one of its passages holds it in some form (by stem, word by word
//! for a phrase). The file must give a quote for exactly the sides that use the word, from a
//! passage of that side, holding the word: the quotes never suggest a side is silent when it
//! is not, nor the reverse.

use serde::{Deserialize, Serialize};

use super::model::{PassageIdx, Stance, TermIdx};

/// A validated framing word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FramingWord {
    /// As written in the file, the way a reader would type it.
    pub word: String,
    /// The glossary entry that explains it, if any.
    pub term: Option<TermIdx>,
    /// At most one per side, in the order of [`Stance::ALL`].
    pub quotes: Vec<Quote>,
}

/// A quote: `passages[passage].text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub stance: Stance,
    pub passage: PassageIdx,
    pub start: u32,
    pub end: u32,
}

/// Longest quote, in characters: a quote shows use, the passage is one link away.
pub const MAX_QUOTE_CHARS: usize = 300;

/// A word or phrase's words as folded terms with their stems, in order (joined hyphen forms
/// left out).
pub fn word_stems(word: &str) -> Vec<(String, String)> {
    crate::text::analyze(word)
        .into_iter()
        .filter(|t| !t.joined)
        .map(|t| {
            let stem = crate::text::stem(&t.term);
            (t.term, stem)
        })
        .collect()
}

/// Inflection endings that make another form of a word whose stem the stemmer keeps apart
/// (`transitie`, `transities`); search finds them as forms too.
const FORM_ENDINGS: &[&str] = &["s", "n", "en", "e"];

/// Whether `text` holds the words of [`word_stems`] in a row, each in any form.
pub fn holds(text: &str, words: &[(String, String)]) -> bool {
    if words.is_empty() {
        return false;
    }
    let tokens: Vec<String> =
        crate::text::analyze(text).into_iter().filter(|t| !t.joined).map(|t| t.term).collect();
    let matches = |token: &String, (term, stem): &(String, String)| {
        token
            .strip_prefix(term.as_str())
            .is_some_and(|rest| rest.is_empty() || FORM_ENDINGS.contains(&rest))
            || crate::text::stem(token) == *stem
    };
    tokens.windows(words.len()).any(|w| w.iter().zip(words).all(|(t, word)| matches(t, word)))
}

#[cfg(not(target_arch = "wasm32"))]
pub use load::load;

#[cfg(not(target_arch = "wasm32"))]
mod load {
    use std::path::Path;

    use serde::Deserialize;
    use toml::Spanned;

    use super::*;
    use crate::corpus::error::{CorpusError, CorpusErrors, ErrorKind};
    use crate::corpus::model::Corpus;
    use crate::corpus::parse::{line_of_offset, parse_toml};

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct FramingFile {
        #[serde(default)]
        woord: Vec<WordFront>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct WordFront {
        woord: Spanned<String>,
        begrip: Option<Spanned<String>>,
        #[serde(default)]
        citaat: Vec<QuoteFront>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct QuoteFront {
        kant: Spanned<String>,
        passage: Spanned<String>,
        tekst: Spanned<String>,
    }

    /// Reads and validates `framing.toml` in `dir` against the validated `corpus`. A corpus
    /// without the file has no framing words.
    pub fn load(dir: &Path, corpus: &Corpus) -> Result<Vec<FramingWord>, CorpusErrors> {
        let path = dir.join("framing.toml");
        let file = path.display().to_string();
        let Ok(text) = std::fs::read_to_string(&path) else { return Ok(Vec::new()) };
        let parsed: FramingFile = parse_toml(&text, &file, 1).map_err(|e| CorpusErrors(vec![e]))?;
        let mut errors = Vec::new();
        let mut words: Vec<FramingWord> = Vec::new();
        let line = |span: std::ops::Range<usize>| line_of_offset(&text, span.start);
        for front in parsed.woord {
            let at = line(front.woord.span());
            let mut error = |kind, line, message: String, help: &str| {
                errors.push(CorpusError::new(kind, &file, line, message, help));
            };
            let word = front.woord.get_ref().trim().to_string();
            let stems = word_stems(&word);
            if stems.is_empty() {
                error(
                    ErrorKind::InvalidValue,
                    at,
                    "a framing word without letters".into(),
                    "write the word as a reader would type it, e.g. woord = \"eigen kracht\"",
                );
                continue;
            }
            let stems_only =
                |w: &[(String, String)]| w.iter().map(|x| x.1.clone()).collect::<Vec<_>>();
            if words.iter().any(|w| stems_only(&word_stems(&w.word)) == stems_only(&stems)) {
                error(
                    ErrorKind::DuplicateId,
                    at,
                    format!("\"{word}\" is listed twice (or in another form)"),
                    "keep one entry for the word and remove the other",
                );
                continue;
            }
            let used: Vec<bool> = Stance::ALL
                .iter()
                .map(|&s| corpus.passages.iter().any(|p| p.stance == s && holds(&p.text, &stems)))
                .collect();
            if !used.iter().any(|&u| u) {
                error(ErrorKind::UnknownReference, at, format!("\"{word}\" does not occur in the texts"), "check the spelling, or remove the word: the list holds words of these texts only");
                continue;
            }
            let term = match &front.begrip {
                None => None,
                Some(id) => match corpus.glossary.iter().position(|t| t.id == *id.get_ref()) {
                    Some(i) => Some(i as TermIdx),
                    None => {
                        error(
                            ErrorKind::UnknownReference,
                            line(id.span()),
                            format!("begrip \"{}\" is not in the glossary", id.get_ref()),
                            "use the id of an entry in glossary.toml, or leave begrip out",
                        );
                        None
                    }
                },
            };
            let mut quotes: Vec<Quote> = Vec::new();
            for q in &front.citaat {
                let Some(stance) = Stance::from_id(q.kant.get_ref()) else {
                    error(
                        ErrorKind::UnknownStance,
                        line(q.kant.span()),
                        format!("unknown kant \"{}\"", q.kant.get_ref()),
                        "use optimistisch, kritisch or gemengd",
                    );
                    continue;
                };
                let Some((idx, passage)) = corpus.passage(q.passage.get_ref()) else {
                    error(
                        ErrorKind::UnknownReference,
                        line(q.passage.span()),
                        format!("passage \"{}\" does not exist", q.passage.get_ref()),
                        "use the id of a passage (the part after ::: in corpus/documents)",
                    );
                    continue;
                };
                let quote = q.tekst.get_ref();
                let quote_line = line(q.tekst.span());
                if passage.stance != stance {
                    error(
                        ErrorKind::InvalidValue,
                        line(q.kant.span()),
                        format!(
                            "passage \"{}\" is {}, not {}",
                            passage.id,
                            passage.stance.id(),
                            stance.id()
                        ),
                        "choose a passage of this side, or correct kant",
                    );
                    continue;
                }
                if quotes.iter().any(|other| other.stance == stance) {
                    error(
                        ErrorKind::DuplicateId,
                        line(q.kant.span()),
                        format!("a second quote for the {} side of \"{word}\"", stance.id()),
                        "keep one quote per side",
                    );
                    continue;
                }
                let Some(start) =
                    passage.text.find(quote.as_str()).filter(|_| !quote.trim().is_empty())
                else {
                    error(ErrorKind::NotInSource, quote_line, format!("the quote is not word for word in passage \"{}\"", passage.id), "copy the words exactly as they stand in the passage, including capitals and punctuation");
                    continue;
                };
                if quote.chars().count() > MAX_QUOTE_CHARS {
                    error(ErrorKind::InvalidValue, quote_line, format!("the quote is {} characters long", quote.chars().count()), &format!("shorten it to at most {MAX_QUOTE_CHARS} characters; the passage is one click away"));
                    continue;
                }
                if !holds(quote, &stems) {
                    error(
                        ErrorKind::InvalidValue,
                        quote_line,
                        format!("the quote does not hold \"{word}\""),
                        "pick a run of the passage in which the word itself stands",
                    );
                    continue;
                }
                quotes.push(Quote {
                    stance,
                    passage: idx,
                    start: start as u32,
                    end: (start + quote.len()) as u32,
                });
            }
            for (s, stance) in Stance::ALL.into_iter().enumerate() {
                let quoted = quotes.iter().any(|q| q.stance == stance);
                if used[s] && !quoted {
                    error(
                        ErrorKind::MissingField,
                        at,
                        format!("the {} side uses \"{word}\", but no quote shows it", stance.id()),
                        &format!(
                            "add a [[woord.citaat]] with kant = \"{}\" from one of its passages",
                            stance.id()
                        ),
                    );
                }
            }
            // In the order of the sides, without a sort (see crate::sort).
            let quotes = Stance::ALL
                .iter()
                .filter_map(|&s| quotes.iter().find(|q| q.stance == s).copied())
                .collect();
            words.push(FramingWord { word, term, quotes });
        }
        if errors.is_empty() {
            Ok(words)
        } else {
            Err(CorpusErrors(errors))
        }
    }
}
