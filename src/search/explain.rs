//! Explaining a hit: which query word met which term, where the matches are in the text, and
//! the snippet around the best of them.
//!
//! Terms:
//! - a *mark* is a byte range of the passage text that matched: a token whose term the query
//!   stands for, or a phrase; marks are sorted and never overlap;
//! - the *explanation* of a hit lists, per query word or phrase, the best kind of match in
//!   the passage and the term it met.
//!
//! Scoring reads postings; explaining re-reads the hit's fields with the same analyser, so
//! the two always agree, and only the hits shown pay for it.

use super::engine::{Engine, Hit, Match, MatchKind};
use super::plan::Clause;
use super::snippet::snippet;
use crate::index::{field_texts, Field, Index};
use crate::text::{analyze, Analyzer};

/// For a query's expansions: each term with the clauses it serves and how.
pub(super) struct TermLookup<'i> {
    /// (term id, term, clause, kind), sorted by term id, which is the order of the terms'
    /// text too (the vocabulary is sorted).
    entries: Vec<(u32, &'i str, usize, MatchKind)>,
    /// Bit `n` is set when some term is `n` bytes long (63 for longer): most tokens of a
    /// text are ruled out by their length before any comparison.
    lengths: u64,
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
        let entries: Vec<(u32, &str, usize, MatchKind)> =
            entries.into_iter().map(|(t, c, k)| (t, index.term(t), c, k)).collect();
        let lengths = entries.iter().fold(0, |bits, e| bits | 1 << e.1.len().min(63));
        TermLookup { entries, lengths }
    }

    /// The entries of a term, by its text.
    fn get(&self, term: &str) -> &[(u32, &'i str, usize, MatchKind)] {
        if self.lengths & 1 << term.len().min(63) == 0 {
            return &[];
        }
        let start = self.entries.partition_point(|e| e.1 < term);
        let len = self.entries[start..].partition_point(|e| e.1 == term);
        &self.entries[start..start + len]
    }

    /// The entries of a term, by its id.
    fn get_id(&self, term: u32) -> &[(u32, &'i str, usize, MatchKind)] {
        let start = self.entries.partition_point(|e| e.0 < term);
        let len = self.entries[start..].partition_point(|e| e.0 == term);
        &self.entries[start..start + len]
    }
}

impl Engine<'_> {
    pub(super) fn hit(
        &self,
        clauses: &[Clause],
        lookup: &TermLookup,
        passage: u32,
        score: f32,
        coverage: u32,
    ) -> Hit {
        let p = passage as usize;
        let text = &self.corpus.passages[p].text;
        let mut best: Vec<Option<(MatchKind, String)>> = vec![None; clauses.len()];
        let mut marks = Vec::new();
        let explained = |best: &[Option<(MatchKind, String)>]| {
            clauses.iter().zip(best).all(|(c, b)| c.mask == 0 || b.is_some())
        };
        if !lookup.entries.is_empty() {
            // The text from its tokens as analysed once; the other fields only for words the
            // text does not explain.
            for token in self.text_tokens(p) {
                for &(_, term, c, kind) in lookup.get_id(token.term) {
                    marks.push((token.start as usize, token.end as usize));
                    improve(&mut best[c], kind, term);
                }
            }
            if !explained(&best) {
                for field_text in field_texts(self.corpus, p).iter().skip(Field::Text as usize + 1)
                {
                    Analyzer.each_token(field_text, |_, term| {
                        for &(_, _, c, kind) in lookup.get(term) {
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
                let spans = self
                    .phrase_ids(&alternative.terms)
                    .map_or_else(Vec::new, |ids| self.phrase_spans_in(p, &ids));
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
            document: self.corpus.passages[p].document,
            score,
            coverage,
            snippet: snippet(text, &marks),
            text: text.clone(),
            marks,
            matched,
        }
    }
}

fn improve(best: &mut Option<(MatchKind, String)>, kind: MatchKind, term: &str) {
    if best.as_ref().is_none_or(|(k, _)| kind < *k) {
        *best = Some((kind, term.to_string()));
    }
}

/// Sorted, with overlapping and touching ranges joined.
pub(super) fn merge(mut marks: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    crate::sort::sort_by_key(&mut marks, |&(s, e)| {
        (s.min(u32::MAX as usize) as u64) << 32 | e.min(u32::MAX as usize) as u64
    });
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(marks.len());
    for (s, e) in marks {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Byte spans in `text` where the phrase occurs, word for word after folding.
pub fn phrase_spans(text: &str, phrase: &[String]) -> Vec<(usize, usize)> {
    let tokens: Vec<_> = analyze(text).into_iter().filter(|t| !t.joined).collect();
    let mut spans = Vec::new();
    if phrase.is_empty() || tokens.len() < phrase.len() {
        return spans;
    }
    for window in tokens.windows(phrase.len()) {
        if window.iter().zip(phrase).all(|(t, p)| &t.term == p) {
            spans.push((window[0].start, window[phrase.len() - 1].end));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_phrase(text: &str, phrase: &str, expected: &[&str]) {
        let terms: Vec<String> = phrase.split(' ').map(str::to_string).collect();
        let got: Vec<&str> =
            phrase_spans(text, &terms).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, expected, "{phrase:?} in {text:?}");
    }

    #[test]
    fn phrases_match_word_for_word_after_folding() {
        check_phrase(
            "Staan ze dichter bij de burger? Ja.",
            "dichter bij de burger",
            &["dichter bij de burger"],
        );
        check_phrase(
            "DICHTER BIJ de Burger, dichter bij de burger",
            "dichter bij de burger",
            &["DICHTER BIJ de Burger", "dichter bij de burger"],
        );
        check_phrase("wet- en regelgeving", "wet en regelgeving", &["wet- en regelgeving"]);
        check_phrase("één gezin-één plan", "gezin een plan", &["gezin-één plan"]);
        check_phrase("dichter bij burger", "dichter bij de burger", &[]);
    }

    #[track_caller]
    fn check_merge(marks: &[(usize, usize)], expected: &[(usize, usize)]) {
        assert_eq!(merge(marks.to_vec()), expected, "merging {marks:?}");
    }

    #[test]
    fn marks_are_sorted_and_never_overlap() {
        check_merge(&[(5, 9), (0, 3)], &[(0, 3), (5, 9)]);
        check_merge(&[(0, 5), (3, 9)], &[(0, 9)]);
        check_merge(&[(0, 5), (5, 9)], &[(0, 9)]);
        check_merge(&[(0, 9), (2, 3)], &[(0, 9)]);
        check_merge(&[], &[]);
    }
}
