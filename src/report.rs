//! What search did with each word of a query, so the screen can say it: a word found in the
//! texts, a word found only loosely (a near spelling, or only inside longer words), or a word
//! found nowhere ("Niet gevonden in de teksten: huishoudelijke").
//!
//! Each word is asked of the engine on its own, as the reader typed it (still being typed, or
//! finished, or in quotes), without filters: the answer says what the texts hold, not what the
//! other words or the filters leave. For one word, the engine's best hit is its closest match
//! (ranking puts the closer kinds of match first), so one hit is enough to tell. Very common
//! words (stop words) are not reported: every text holds them.

use crate::search::{parse, Engine, Filters, MatchKind, Query};

/// What became of one word of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Found as typed or in another form, spelling or listed synonym.
    Found,
    /// Found only loosely: `term` is what it matched, `kind` how (typo or compound part).
    Loose { kind: MatchKind, term: String },
    /// Not in the texts at all.
    Missing,
}

/// One word of the query (folded, as search reads it) and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordReport {
    pub word: String,
    pub outcome: Outcome,
}

/// The report of every word of `input` that is not a stop word, in the order typed.
pub fn report(engine: &Engine, input: &str) -> Vec<WordReport> {
    report_query(engine, &parse(input))
}

/// The same for a parsed query.
pub fn report_query(engine: &Engine, query: &Query) -> Vec<WordReport> {
    let none = Filters::default();
    let words = query.words.iter().filter(|w| !w.stop).map(|w| {
        // Asked as typed: in quotes when it was, finished (a space after it) unless the
        // reader is still typing it.
        let ask = match (w.exact, w.prefix) {
            (true, _) => format!("\"{}\"", w.term),
            (false, true) => w.term.clone(),
            (false, false) => format!("{} ", w.term),
        };
        (w.term.clone(), ask)
    });
    let phrases = query.phrases.iter().map(|p| (p.join(" "), format!("\"{}\"", p.join(" "))));
    words
        .chain(phrases)
        .map(|(word, ask)| {
            let results = engine.search(&ask, &none, 1);
            let best = results.hits.first().and_then(|hit| hit.matched.first());
            let outcome = match best {
                None => Outcome::Missing,
                Some(m) if matches!(m.kind, MatchKind::Typo | MatchKind::Compound) => {
                    Outcome::Loose { kind: m.kind, term: m.term.clone() }
                }
                Some(_) => Outcome::Found,
            };
            WordReport { word, outcome }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report of `input` as `word` for found, `word?` for missing, `word~term` for loose.
    #[track_caller]
    fn check(input: &str, expected: &[&str]) {
        let got: Vec<String> = report(crate::engine(), input)
            .into_iter()
            .map(|r| match r.outcome {
                Outcome::Found => r.word,
                Outcome::Missing => format!("{}?", r.word),
                Outcome::Loose { term, .. } => format!("{}~{term}", r.word),
            })
            .collect();
        assert_eq!(got, expected, "report of {input:?}");
    }

    #[test]
    fn says_which_words_the_texts_hold() {
        if crate::corpus().passages.iter().all(|p| !p.text.contains("mantelzorgers")) {
            return; // another corpus
        }
        check("huishoudelijke hulp", &["huishoudelijke?", "hulp"]);
        check("jeugdzorg wachtlijst", &["jeugdzorg", "wachtlijst?"]);
        check("Huishoudelijke", &["huishoudelijke?"]);
        check("participatiewt", &["participatiewt~participatiewet"]);
        check("de zorg", &["zorg"]);
        check("de", &[]);
        check("\"dichter bij de burger\" xyzzy", &["xyzzy?", "dichter bij de burger"]);
        check("\"bij de dichter\"", &["bij de dichter?"]);
        check("zorg -jeugd", &["zorg"]);
        check("", &[]);
    }

    #[test]
    fn a_word_found_only_inside_longer_words_says_what_it_met() {
        let engine = crate::engine();
        let Some(found) = report(engine, "mantel").into_iter().next() else {
            panic!("one word, one report")
        };
        match found.outcome {
            Outcome::Loose { kind: MatchKind::Compound | MatchKind::Prefix, term } => {
                assert!(term.starts_with("mantel"), "{term}")
            }
            Outcome::Found => {} // a prefix while typing is a match
            other => panic!("mantel: {other:?}"),
        }
        let finished = report(engine, "mantel ");
        assert!(
            matches!(
                &finished[0].outcome,
                Outcome::Loose { kind: MatchKind::Compound, .. } | Outcome::Missing
            ),
            "a finished word is no prefix: {finished:?}"
        );
    }
}
