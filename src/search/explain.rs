//! Explaining a hit: which query word met which term, where the matches are in the text, and
//! the snippet around the best of them.
//!
//! The *explanation* of a hit lists, per query word or phrase, the best kind of match in the
//! passage and the term it met. Scoring reads postings; explaining re-reads the hit's fields
//! with the same analyser, so the two always agree, and only the hits shown pay for it.

use super::plan::Clause;
use super::results::{Hit, Match, MatchKind};
use super::snippet::{merge, phrase_spans_in, snippet};
use crate::corpus::Corpus;
use crate::index::{field_texts, Field, Index};
use crate::text::{analyze, Analyzer};

/// For a query's expansions: each term with the clauses it serves and how, sorted by term
/// (by id, which is the order of the terms' text too: the vocabulary is sorted).
pub(super) struct TermLookup<'i> {
    entries: Vec<(&'i str, usize, MatchKind)>,
}

impl<'i> TermLookup<'i> {
    pub fn new(index: &'i Index<'i>, clauses: &[Clause]) -> Self {
        let mut entries: Vec<(u32, usize, MatchKind)> = clauses
            .iter()
            .enumerate()
            .filter(|(_, c)| c.mask != 0)
            .flat_map(|(c, clause)| clause.terms.iter().map(move |e| (e.term, c, e.kind)))
            .collect();
        crate::sort::sort_by_key(&mut entries, |&(term, clause, kind)| {
            (term as u64) << 32 | (clause as u64).min(0xff_ffff) << 8 | kind as u64
        });
        let entries = entries.into_iter().map(|(t, c, k)| (index.term(t), c, k)).collect();
        TermLookup { entries }
    }

    /// The entries of a term, by its text.
    fn get(&self, term: &str) -> &[(&'i str, usize, MatchKind)] {
        let start = self.entries.partition_point(|e| e.0 < term);
        let len = self.entries[start..].partition_point(|e| e.0 == term);
        &self.entries[start..start + len]
    }
}

/// The hit of `passage`, explained: its marks, snippet and matches under `clauses`.
pub(super) fn explain(
    corpus: &Corpus,
    clauses: &[Clause],
    lookup: &TermLookup,
    passage: u32,
    score: f32,
    coverage: u32,
) -> Hit {
    let p = passage as usize;
    let text = &corpus.passages[p].text;
    let tokens = analyze(text);
    let mut best: Vec<Option<(MatchKind, String)>> = vec![None; clauses.len()];
    let mut marks = Vec::new();
    let explained = |best: &[Option<(MatchKind, String)>]| {
        clauses.iter().zip(best).all(|(c, b)| c.mask == 0 || b.is_some())
    };
    if !lookup.entries.is_empty() {
        // The text first; the other fields only for words the text does not explain.
        for token in &tokens {
            for &(term, c, kind) in lookup.get(&token.term) {
                marks.push((token.start, token.end));
                improve(&mut best[c], kind, term);
            }
        }
        if !explained(&best) {
            for field_text in field_texts(corpus, p).iter().skip(Field::Text as usize + 1) {
                Analyzer.each_token(field_text, |_, term| {
                    for &(_, c, kind) in lookup.get(term) {
                        improve(&mut best[c], kind, term);
                    }
                });
                if explained(&best) {
                    break;
                }
            }
        }
    }
    for (c, clause) in clauses.iter().enumerate().filter(|(_, c)| c.mask != 0) {
        for alternative in &clause.phrases {
            let spans = phrase_spans_in(&tokens, &alternative.terms);
            if !spans.is_empty() {
                marks.extend(spans);
                improve(&mut best[c], alternative.kind, &alternative.terms.join(" "));
            }
        }
    }
    let marks = merge(marks);
    let matched = clauses
        .iter()
        .zip(best)
        .filter_map(|(clause, best)| {
            best.map(|(kind, term)| Match { query: clause.label.to_string(), term, kind })
        })
        .collect();
    Hit {
        passage,
        document: corpus.passages[p].document,
        score,
        coverage,
        snippet: snippet(text, &marks),
        text: text.clone(),
        marks,
        matched,
    }
}

fn improve(best: &mut Option<(MatchKind, String)>, kind: MatchKind, term: &str) {
    if best.as_ref().is_none_or(|(k, _)| kind < *k) {
        *best = Some((kind, term.to_string()));
    }
}
