//! Answering a query: plan it, score passages, leave out exclusions, count facets, filter,
//! rank, explain.
//!
//! Terms:
//! - a *candidate* is a passage that matches at least one clause that counts (see
//!   [`super::plan`]) and no exclusion; with an empty query every passage is one;
//! - a passage's *coverage* is the set of the query's words and phrases it matches: a passage
//!   that matches all of them ranks above one that matches some, whatever their scores;
//! - a passage's *distance* is the sum, over the words and phrases it matches, of the
//!   [`super::MatchKind::tier`] of its closest match: among passages of equal coverage the closer
//!   ones rank first, and the score orders passages of equal coverage and distance.

use super::explain::{explain, TermLookup};
use super::facets::{Facets, Filters, PassageMeta};
use super::plan::{Clause, Planner};
use super::query::{parse, Query};
use super::results::Results;
use super::snippet::phrase_spans;
use super::weights::RankingWeights;
use crate::corpus::Corpus;
use crate::index::{Index, FIELD_COUNT};

/// A quoted phrase is checked against the text of at most this many passages that hold all
/// its words; beyond that (only in very large corpora) the rest are not found.
pub const MAX_PHRASE_CHECKS: usize = 5_000;

pub struct Engine<'a> {
    corpus: &'a Corpus,
    index: &'a Index<'a>,
    planner: Planner<'a>,
    /// What filters and facets read of each passage, gathered once.
    meta: PassageMeta,
    /// Per passage and field, the BM25 length normalisation `k1 × (1 − b + b × len / avg)`;
    /// one per passage searched (those of the corpus that the index covers).
    norms: Vec<[f32; FIELD_COUNT]>,
}

/// What a query keeps of one passage while its clauses are scored.
#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    score: f32,
    /// The coverage bits of the clauses it matched.
    coverage: u32,
    distance: u16,
    /// The best match of the clause being scored, and its closest tier, if it matched it.
    best: f32,
    best_tier: Option<u8>,
    touched: bool,
}

/// The passages' slots for one query, and the passages touched, in the order first touched.
struct Scores {
    slots: Vec<Slot>,
    touched: Vec<u32>,
    /// The passages the clause being scored matched.
    in_clause: Vec<u32>,
}

impl Scores {
    fn new(passages: usize) -> Self {
        Scores {
            slots: vec![Slot::default(); passages],
            touched: Vec::new(),
            in_clause: Vec::new(),
        }
    }

    /// A match of the current clause in `passage`, scoring `score`, of closeness `tier`; the
    /// best score and the closest tier count.
    fn offer(&mut self, passage: u32, score: f32, tier: u8) {
        let slot = &mut self.slots[passage as usize];
        match slot.best_tier {
            None => {
                slot.best_tier = Some(tier);
                self.in_clause.push(passage);
            }
            Some(best) if tier < best => slot.best_tier = Some(tier),
            Some(_) => {}
        }
        if score > slot.best {
            slot.best = score;
        }
    }

    /// Adds the current clause's best matches to the scores and its bits to the coverage.
    fn commit(&mut self, mask: u32) {
        for &passage in &self.in_clause {
            let slot = &mut self.slots[passage as usize];
            if !slot.touched {
                slot.touched = true;
                self.touched.push(passage);
            }
            slot.score += slot.best;
            slot.coverage |= mask;
            if mask != 0 {
                let tier = slot.best_tier.expect("a passage of the clause has its tier");
                slot.distance = slot.distance.saturating_add(tier.into());
            }
            slot.best = 0.0;
            slot.best_tier = None;
        }
        self.in_clause.clear();
    }

    /// The order of hits as one number, higher first: coverage, then closeness (lower
    /// distance), then score. Scores are positive, so their bits order like the numbers.
    fn rank_key(&self, passage: u32) -> u64 {
        let slot = &self.slots[passage as usize];
        let coverage = slot.coverage.count_ones() as u64;
        let closeness = (u16::MAX - slot.distance) as u64;
        let score = if slot.score > 0.0 { slot.score } else { 0.0 };
        coverage << 48 | closeness << 32 | score.to_bits() as u64
    }
}

impl<'a> Engine<'a> {
    pub fn new(corpus: &'a Corpus, index: &'a Index<'a>) -> Self {
        let weights = RankingWeights::default();
        let n = corpus.passages.len().min(index.passage_count());
        let norms = (0..n as u32)
            .map(|p| {
                let (lengths, avg) = (index.lengths(p), index.avg_lengths());
                std::array::from_fn(|f| {
                    weights.k1 * (1.0 - weights.b + weights.b * lengths[f] as f32 / avg[f])
                })
            })
            .collect();
        Engine {
            corpus,
            index,
            planner: Planner::new(index, weights, n),
            meta: PassageMeta::new(corpus),
            norms,
        }
    }

    pub fn corpus(&self) -> &'a Corpus {
        self.corpus
    }

    /// Passages searched: those of the corpus that the index covers (all, when they belong
    /// together).
    fn passage_count(&self) -> usize {
        self.norms.len()
    }

    /// Parses `input` and answers it under `filters`, returning at most `limit` hits.
    pub fn search(&self, input: &str, filters: &Filters, limit: usize) -> Results {
        let query = parse(input);
        let clauses = self.planner.plan(&query);
        let scores = self.score(&clauses);
        let candidates = self.candidates(&scores, &query);
        let facets = Facets::count(self.corpus, &self.meta, &candidates, filters);
        let mut ranked = candidates;
        if !filters.is_empty() {
            ranked.retain(|&p| self.meta.admits_all(filters, p));
        }
        let total = ranked.len();
        if query.is_empty() {
            ranked.truncate(limit);
        } else {
            top_k(&mut ranked, limit, |p| scores.rank_key(p));
        }
        let lookup = TermLookup::new(self.index, &clauses);
        let hits = ranked
            .iter()
            .map(|&p| {
                let slot = &scores.slots[p as usize];
                explain(self.corpus, &clauses, &lookup, p, slot.score, slot.coverage.count_ones())
            })
            .collect();
        Results { query, hits, total, facets }
    }

    /// Words from the vocabulary close to the query's words, for a "did you mean": near
    /// spellings (up to two edits) first, the most frequent first.
    pub fn suggestions(&self, query: &Query, max: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for word in query.words.iter().filter(|w| !w.stop && w.term.chars().count() >= 3) {
            for t in self.planner.near(&word.term, 2, max) {
                let term = self.index.term(t);
                if !out.iter().any(|o| o == term) {
                    out.push(term.to_string());
                }
            }
        }
        out.truncate(max);
        out
    }

    /// Scores every clause: those that count first, the cheapest first (fewest postings to
    /// read), then the others (stop words beside other words), which only add to passages
    /// that match already: a passage that only they reach is no candidate.
    fn score(&self, clauses: &[Clause]) -> Scores {
        let cost = |c: &Clause| -> u64 {
            let terms = c.terms.iter().map(|e| self.index.document_frequency(e.term));
            let phrases = c
                .phrases
                .iter()
                .flat_map(|a| a.terms.iter())
                .filter_map(|t| self.index.term_id(t))
                .map(|t| self.index.document_frequency(t));
            terms.chain(phrases).sum::<usize>() as u64
        };
        let mut order: Vec<&Clause> = clauses.iter().collect();
        crate::sort::sort_by_key(&mut order, |c| {
            u64::from(c.mask == 0) << 63 | cost(c).min(u64::MAX >> 1)
        });
        let mut scores = Scores::new(self.passage_count());
        for clause in order {
            self.score_clause(&mut scores, clause, clause.mask == 0);
        }
        scores
    }

    /// Adds one clause's contribution: for each passage the best of its alternatives; only to
    /// passages that match a clause that counts, if `only_matching`.
    fn score_clause(&self, scores: &mut Scores, clause: &Clause, only_matching: bool) {
        let n = self.passage_count();
        let wanted = |scores: &Scores, p: u32| {
            (p as usize) < n && (!only_matching || scores.slots[p as usize].coverage != 0)
        };
        let w = self.planner.weights();
        for e in &clause.terms {
            let idf = self.planner.idf(e.term);
            let weight = e.weight * clause.factor * if idf < clause.cap { idf } else { clause.cap };
            for posting in self.index.postings(e.term) {
                if wanted(scores, posting.passage) {
                    let p = posting.passage;
                    let score = field_score(w, &self.norms[p as usize], &posting.tf);
                    scores.offer(p, weight * score, e.kind.tier());
                }
            }
        }
        for alternative in &clause.phrases {
            let weight = alternative.weight * clause.factor * alternative.idf.min(clause.cap);
            for (p, count) in self.phrase_passages(&alternative.terms) {
                if wanted(scores, p) {
                    let tf = [count.min(u8::MAX as usize) as u8, 0, 0, 0];
                    let score = field_score(w, &self.norms[p as usize], &tf);
                    scores.offer(p, weight * score, alternative.kind.tier());
                }
            }
        }
        scores.commit(clause.mask);
    }

    /// The passages that match a clause that counts (every passage for an empty query), less
    /// the excluded ones.
    fn candidates(&self, scores: &Scores, query: &Query) -> Vec<u32> {
        let excluded = self.excluded_passages(query);
        let kept = |p: &u32| excluded.binary_search(p).is_err();
        if query.is_empty() {
            (0..self.passage_count() as u32).filter(kept).collect()
        } else {
            let matching = scores.touched.iter().copied();
            matching.filter(|&p| scores.slots[p as usize].coverage != 0).filter(kept).collect()
        }
    }

    /// Passages whose text holds the phrase word for word (after folding), with how often: the
    /// precomputed postings of a listed phrase, else the passages holding all its words,
    /// read to check (at most [`MAX_PHRASE_CHECKS`] of them).
    fn phrase_passages(&self, phrase: &[String]) -> Vec<(u32, usize)> {
        let n = self.passage_count();
        match self.index.listed_phrase_id(phrase) {
            Some(listed) => self
                .index
                .listed_phrase_postings(listed)
                .filter(|p| (p.passage as usize) < n)
                .map(|p| (p.passage, p.tf[0] as usize))
                .collect(),
            None => self.checked_phrase_passages(phrase),
        }
    }

    /// The passages holding all of an unlisted phrase's words, read to check.
    fn checked_phrase_passages(&self, phrase: &[String]) -> Vec<(u32, usize)> {
        let Some(mut ids) =
            phrase.iter().map(|t| self.index.term_id(t)).collect::<Option<Vec<u32>>>()
        else {
            return Vec::new();
        };
        // Walk the rarest word's passages; the others' lists only move forward.
        crate::sort::sort_by_key(&mut ids, |&t| self.index.document_frequency(t) as u64);
        let mut lists: Vec<_> = ids
            .iter()
            .map(|&t| self.index.postings(t).filter(|p| p.tf[0] > 0).peekable())
            .collect();
        let Some((rarest, others)) = lists.split_first_mut() else { return Vec::new() };
        let n = self.passage_count();
        let mut found = Vec::new();
        let mut checked = 0;
        for passage in rarest.map(|p| p.passage).filter(|&p| (p as usize) < n) {
            if !others.iter_mut().all(|list| advance_to(list, passage)) {
                continue;
            }
            checked += 1;
            if checked > MAX_PHRASE_CHECKS {
                break;
            }
            let count = phrase_spans(&self.corpus.passages[passage as usize].text, phrase).len();
            if count > 0 {
                found.push((passage, count));
            }
        }
        found
    }

    /// Sorted passages that hold an excluded word, another form of it or a compound with it
    /// (`-jeugd` also leaves out `jeugdzorg`), or an excluded phrase.
    fn excluded_passages(&self, query: &Query) -> Vec<u32> {
        let mut out = Vec::new();
        for term in &query.excluded {
            for t in self.planner.excluded_terms(term) {
                out.extend(self.index.postings(t).map(|p| p.passage));
            }
        }
        for phrase in &query.excluded_phrases {
            out.extend(self.phrase_passages(phrase).into_iter().map(|(p, _)| p));
        }
        crate::sort::sort_by_key(&mut out, |&p| u64::from(p));
        out.dedup();
        out
    }
}

/// BM25 term-frequency saturation per field, weighted per field and summed.
fn field_score(w: &RankingWeights, norms: &[f32; FIELD_COUNT], tf: &[u8; FIELD_COUNT]) -> f32 {
    let mut score = 0.0;
    for f in 0..FIELD_COUNT {
        if tf[f] > 0 {
            let tf = tf[f] as f32;
            score += w.fields[f] * tf * (w.k1 + 1.0) / (tf + norms[f]);
        }
    }
    score
}

/// Moves a posting list forward to `passage`; true if the passage is in it.
fn advance_to(
    list: &mut std::iter::Peekable<impl Iterator<Item = crate::index::Posting>>,
    passage: u32,
) -> bool {
    while list.next_if(|q| q.passage < passage).is_some() {}
    list.peek().is_some_and(|q| q.passage == passage)
}

/// Puts the `limit` passages with the highest keys first, best first, and drops the rest;
/// ties go to the earlier passage.
fn top_k(ranked: &mut Vec<u32>, limit: usize, key: impl Fn(u32) -> u64) {
    // Highest key first: sorted by the key's complement.
    let mut keyed: Vec<crate::sort::Keyed> = ranked.iter().map(|&p| (!key(p), p)).collect();
    if limit < keyed.len() {
        crate::sort::select(&mut keyed, limit);
        keyed.truncate(limit);
    }
    crate::sort::sort(&mut keyed);
    ranked.clear();
    ranked.extend(keyed.into_iter().map(|(_, p)| p));
}

#[cfg(test)]
mod tests {
    /// A multi-word synonym is a listed phrase: its precomputed postings are the passages
    /// that checking its words' positions finds, for every entry of every group.
    #[test]
    fn listed_phrase_postings_are_the_checked_passages() {
        let engine = crate::engine();
        let (mut phrases, mut occurring) = (0, 0);
        for entry in engine.index.synonyms().iter().flat_map(|g| &g.entries) {
            if entry.len() > 1 {
                let listed =
                    engine.index.listed_phrase_id(entry).expect("a multi-word synonym is listed");
                let listed: Vec<(u32, usize)> = engine
                    .index
                    .listed_phrase_postings(listed)
                    .map(|p| (p.passage, p.tf[0] as usize))
                    .collect();
                assert_eq!(listed, engine.checked_phrase_passages(entry), "{entry:?}");
                phrases += 1;
                occurring += usize::from(!listed.is_empty());
            }
        }
        assert!(phrases >= 10, "only {phrases} multi-word synonyms");
        assert!(occurring >= 3, "only {occurring} multi-word synonyms occur in the corpus");
    }
}
