//! Glossary terms in running text: where a passage mentions a term of the begrippenlijst, so
//! the reader can open its explanation in place.
//!
//! A term is found by its name or one of its aliases, compared token by token after folding
//! (`Wmo` and `WMO`, `zorgcontinuïteit` and `zorgcontinuiteit`), never inside another word.
//! The longest name wins where two overlap; each term is marked once per passage, at its first
//! mention, so the text does not turn into a field of buttons.

use std::sync::OnceLock;

use crate::corpus::{Corpus, TermIdx};
use crate::text::analyze;

/// A mention of a glossary term: byte range in the text and the term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub term: TermIdx,
}

/// Every name of every term as folded token sequences, longest first.
fn names(corpus: &Corpus) -> Vec<(Vec<String>, TermIdx)> {
    let mut names: Vec<(Vec<String>, TermIdx)> = Vec::new();
    let all = corpus.glossary.iter().enumerate().flat_map(|(i, t)| {
        std::iter::once(&t.term).chain(&t.aliases).map(move |name| (name, i as TermIdx))
    });
    for (name, i) in all {
        let tokens = words(name);
        if tokens.is_empty() {
            continue;
        }
        // Longest first, then in glossary order: inserted after every name at least as long.
        let at = names.partition_point(|(n, _)| n.len() >= tokens.len());
        names.insert(at, (tokens, i));
    }
    names
}

/// The folded words of a text, without joined hyphen forms.
fn words(text: &str) -> Vec<String> {
    analyze(text)
        .into_iter()
        .filter(|t| text[t.start..t.end].chars().all(char::is_alphanumeric))
        .map(|t| t.term)
        .collect()
}

/// The mentions of glossary terms in `text`, in text order.
pub fn mentions_in(corpus: &Corpus, names: &[(Vec<String>, TermIdx)], text: &str) -> Vec<Mention> {
    let tokens: Vec<_> = analyze(text)
        .into_iter()
        .filter(|t| text[t.start..t.end].chars().all(char::is_alphanumeric))
        .collect();
    let mut taken = vec![false; tokens.len()];
    let mut seen = vec![false; corpus.glossary.len()];
    let mut found = Vec::new();
    for (name, term) in names {
        if seen[*term as usize] {
            continue;
        }
        for i in 0..tokens.len().saturating_sub(name.len() - 1) {
            let window = &tokens[i..i + name.len()];
            if taken[i..i + name.len()].iter().any(|&t| t)
                || !window.iter().zip(name).all(|(t, n)| &t.term == n)
            {
                continue;
            }
            taken[i..i + name.len()].iter_mut().for_each(|t| *t = true);
            seen[*term as usize] = true;
            // Kept in text order as found: no sort routine needed.
            let mention =
                Mention { start: window[0].start, end: window[name.len() - 1].end, term: *term };
            let at = found.partition_point(|m: &Mention| m.start < mention.start);
            found.insert(at, mention);
            break;
        }
    }
    found
}

/// The mentions in `text` for the embedded corpus, with the names prepared once.
pub fn mentions(text: &str) -> Vec<Mention> {
    static NAMES: OnceLock<Vec<(Vec<String>, TermIdx)>> = OnceLock::new();
    let corpus = crate::corpus();
    mentions_in(corpus, NAMES.get_or_init(|| names(corpus)), text)
}

/// Whether a glossary entry matches what the reader typed in the glossary's search box:
/// every typed word occurs (folded) in the term, an alias or the explanation.
pub fn entry_matches(corpus: &Corpus, term: TermIdx, typed: &str) -> bool {
    let entry = &corpus.glossary[term as usize];
    let haystack: String = std::iter::once(&entry.term)
        .chain(&entry.aliases)
        .chain([&entry.explanation])
        .map(|s| words(s).join(" "))
        .collect::<Vec<_>>()
        .join(" ");
    words(typed).iter().all(|w| haystack.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_terms_by_name_and_alias_once_each() {
        let corpus = crate::corpus();
        if corpus.glossary.iter().all(|t| t.id != "wmo") {
            return; // another corpus
        }
        let text = "De Wmo en de WMO: mantelzorgers en zorgcontinuïteit, niet wmoloket.";
        let found: Vec<(&str, &str)> = mentions(text)
            .iter()
            .map(|m| (&text[m.start..m.end], corpus.glossary[m.term as usize].id.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("Wmo", "wmo"),
                ("mantelzorgers", "mantelzorg"),
                ("zorgcontinuïteit", "zorgcontinuiteit")
            ]
        );
        let phrase = "volgens het principe high trust, low tolerance.";
        let m = mentions(phrase);
        assert_eq!(&phrase[m[0].start..m[0].end], "high trust, low tolerance");
    }

    #[test]
    fn glossary_search_folds_and_needs_every_word() {
        let corpus = crate::corpus();
        let Some(wmo) = corpus.glossary.iter().position(|t| t.id == "wmo") else { return };
        assert!(entry_matches(corpus, wmo as TermIdx, "WMO"));
        assert!(entry_matches(corpus, wmo as TermIdx, "ondersteuning thuis"));
        assert!(!entry_matches(corpus, wmo as TermIdx, "wmo jeugdbescherming"));
    }
}
