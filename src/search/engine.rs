//! Answering a query: plan it, score passages, leave out exclusions, count facets, filter,
//! rank, explain.
//!
//! Terms:
//! - a *candidate* is a passage that matches at least one clause that counts (see
//!   [`super::plan`]) and no exclusion; with an empty query every passage is one;
//! - a passage's *coverage* is the set of the query's words and phrases it matches: a passage
//!   that matches all of them ranks above one that matches some, whatever their scores;
//! - a passage's *distance* is the sum, over the words and phrases it matches, of the
//!   [`MatchKind::tier`] of its closest match: among passages of equal coverage the closer
//!   ones rank first, and the score orders passages of equal coverage and distance;
//! - *top-k selection* puts the `limit` best candidates first without sorting the rest.

use std::cell::RefCell;
use std::sync::OnceLock;

use super::explain::TermLookup;
use super::facets::{Facets, Filters, PassageMeta};
use super::impact::Impacts;
use super::plan::{Clause, Expansion, PhraseAlternative, PhraseFacts, PlanBuffers};
use super::query::{parse, parse_into, Query};
use super::spelling;
use super::topk::TopK;
use super::weights::RankingWeights;
use crate::corpus::{Corpus, DocIdx, PassageIdx};
use crate::index::{Index, FIELD_COUNT};
use crate::text::{stem, PartKind};

/// Why a passage matched one query word or phrase. The order is from best to weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The word itself (case and diacritics aside).
    Exact,
    /// The quoted phrase, word for word.
    Phrase,
    /// Another form of the word (`bezuiniging` for `bezuinigingen`).
    Stem,
    /// A word from the curated synonym list (`besparingen` for `bezuinigingen`).
    Synonym,
    /// A longer word that starts with what is being typed.
    Prefix,
    /// A compound that contains the word (`jeugdzorg` for `zorg`).
    Compound,
    /// A word spelled almost the same (`participatiewt` for `participatiewet`).
    Typo,
}

impl MatchKind {
    /// How close the match is to what the reader typed, 0 closest: the word in any form
    /// (or the phrase), then synonyms and longer words being typed, then compounds, then
    /// near spellings. Passages that match all words alike are ranked by the sum of their
    /// tiers before their scores, so `besparingen` never outranks `bezuinigingen` for
    /// `bezuinigingen`, nor `jeugdzorg` the word `zorg`.
    pub fn tier(self) -> u8 {
        match self {
            MatchKind::Exact | MatchKind::Phrase | MatchKind::Stem => 0,
            MatchKind::Synonym | MatchKind::Prefix => 1,
            MatchKind::Compound => 2,
            MatchKind::Typo => 3,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Phrase => "phrase",
            MatchKind::Stem => "stem",
            MatchKind::Synonym => "synonym",
            MatchKind::Prefix => "prefix",
            MatchKind::Compound => "compound",
            MatchKind::Typo => "typo",
        }
    }
}

/// One reason a hit matched: the query word (or phrase) and the corpus term (or terms,
/// separated by spaces) it met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub query: String,
    pub term: String,
    pub kind: MatchKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub passage: PassageIdx,
    pub document: DocIdx,
    pub score: f32,
    /// How many of the query's words and phrases the passage matches.
    pub coverage: u32,
    /// The passage's full text.
    pub text: String,
    /// Matched byte ranges in `text`, sorted and not overlapping.
    pub marks: Vec<(usize, usize)>,
    /// Why it matched: per query word or phrase, the best match in this passage.
    pub matched: Vec<Match>,
    /// A fragment around the best match, with its own marks.
    pub snippet: super::Snippet,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub query: Query,
    /// The best hits, best first (corpus order for an empty query), at most the limit.
    pub hits: Vec<Hit>,
    /// All passages that match the query and the filters.
    pub total: usize,
    /// Counts per filter value under the query (see [`Facets`]).
    pub facets: Facets,
}

/// A ranked passage without its explanation: what [`Engine::rank`] returns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub passage: PassageIdx,
    pub score: f32,
}

/// Up to this many hits are kept in a [`TopK`] while scoring; more are selected from all
/// candidates at the end.
const MAX_KEPT: usize = 256;

/// A quoted phrase is checked against the text of at most this many passages that hold all
/// its words; beyond that (only in very large corpora) the rest are not found.
pub const MAX_PHRASE_CHECKS: usize = 5_000;

pub struct Engine<'a> {
    pub corpus: &'a Corpus,
    pub index: &'a Index<'a>,
    pub(super) weights: RankingWeights,
    /// For each synonym group, the stems of its one-word entries (`None` for phrases).
    pub(super) synonym_stems: Vec<Vec<Option<String>>>,
    /// For each synonym group, the [`PhraseFacts`] of its entries (used for those of more than
    /// one word).
    pub(super) synonym_phrases: Vec<Vec<PhraseFacts>>,
    /// (hash of a one-word entry or its stem, its group), sorted: the groups a word may
    /// belong to, found without reading every group.
    pub(super) synonym_keys: Vec<crate::sort::Keyed>,
    /// What filters and facets read of each passage, gathered once.
    meta: PassageMeta,
    /// The vocabulary's letter sets, for near spellings.
    pub(super) letter_sets: Vec<u32>,
    /// Per passage and field, the BM25 length normalisation `k1 × (1 − b + b × len / avg)`.
    norms: Vec<[f32; FIELD_COUNT]>,
    /// Per passage, the field score of a term once in its text and nowhere else: most
    /// postings, read from here instead of computed.
    once: Vec<f32>,
    /// The champions of the long posting lists, for one-word queries.
    impacts: Impacts,
    /// Per term, its idf.
    pub(super) idfs: Vec<f32>,
    /// Per listed phrase, the highest field score of its postings.
    phrase_max: Vec<f32>,
    /// Per passage, the tokens of its text with their term ids, analysed the first time a
    /// hit is explained in it: marks and snippets are then looked up, not re-analysed.
    text_tokens: Vec<OnceLock<Box<[TextToken]>>>,
}

/// A token of a passage text: its byte range, its term's id (`u32::MAX` for none), and
/// whether it is the joined form of hyphenated words (`gezin-een` beside `gezin` and `een`),
/// which a phrase does not read.
#[derive(Debug, Clone, Copy)]
pub(super) struct TextToken {
    pub start: u32,
    pub end: u32,
    pub term: u32,
    pub joined: bool,
}

/// Per-passage buffers reused across queries, so a query allocates little.
#[derive(Default)]
struct Scratch {
    /// Per passage, all that a query keeps of it together: a posting reads one place.
    slots: Vec<Slot>,
    /// Passages with a score or coverage, to reset after the query.
    touched: Vec<u32>,
    /// Passages the clause being scored reached.
    clause_touched: Vec<u32>,
    /// The best passages so far, for [`Engine::rank`].
    top: TopK,
    /// For [`Engine::rank_one_clause`]: per term of the clause, its weight and bound; and
    /// the terms and phrases it left unread (indices).
    bounds: Vec<(f32, f32)>,
    unread: Vec<u32>,
    unread_phrases: Vec<u32>,
    /// Keys to sort by (terms of a clause, clauses), and the order of the clauses (see
    /// [`Engine::clause_order`]): sorting reuses these instead of allocating.
    keyed: Vec<crate::sort::Keyed>,
    clause_order: Vec<usize>,
    /// Emptied lists of past plans, for the next (see [`Engine::plan`]).
    plan: PlanBuffers,
    /// For [`Engine::rank`]: the query, parsed into the same buffers each time, and strings
    /// for its words (see [`parse_into`]).
    query: Query,
    spare_terms: Vec<String>,
    /// A query is under way (or stopped half-way): the buffers may not hold zeros.
    dirty: bool,
}

/// What a query keeps of one passage.
#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    score: f32,
    /// The best match of the clause being scored, and its closest tier.
    best: f32,
    coverage: u32,
    distance: u16,
    best_tier: u8,
    /// Bit 0: in `touched`; bit 1: in `clause_touched`; bit 2: in `top`.
    flags: u8,
}

const TOUCHED: u8 = 1;
const CLAUSE_TOUCHED: u8 = 2;
const IN_TOP: u8 = 4;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

impl<'a> Engine<'a> {
    pub fn new(corpus: &'a Corpus, index: &'a Index<'a>) -> Self {
        Engine::with_weights(corpus, index, RankingWeights::default())
    }

    pub fn with_weights(corpus: &'a Corpus, index: &'a Index<'a>, weights: RankingWeights) -> Self {
        let synonym_stems: Vec<Vec<Option<String>>> = index
            .synonyms()
            .iter()
            .map(|g| g.entries.iter().map(|e| (e.len() == 1).then(|| stem(&e[0]))).collect())
            .collect();
        let synonym_keys = super::plan::synonym_keys(index, &synonym_stems);
        let n = corpus.passages.len().min(index.passage_count());
        let norms: Vec<[f32; FIELD_COUNT]> = (0..n as u32)
            .map(|p| {
                let (lengths, avg) = (index.lengths(p), index.avg_lengths());
                std::array::from_fn(|f| {
                    weights.k1 * (1.0 - weights.b + weights.b * lengths[f] as f32 / avg[f])
                })
            })
            .collect();
        let once: Vec<f32> = norms.iter().map(|norms| field_score(&weights, norms, 1)).collect();
        let impacts = Impacts::new(index, n, |tf, p| {
            if tf == 1 {
                once[p]
            } else {
                field_score(&weights, &norms[p], tf)
            }
        });
        let idfs: Vec<f32> =
            (0..index.term_count() as u32).map(|t| idf(n, index.document_frequency(t))).collect();
        let synonym_phrases = index
            .synonyms()
            .iter()
            .map(|g| g.entries.iter().map(|e| super::plan::phrase_facts(index, &idfs, e)).collect())
            .collect();
        let phrase_max = index
            .listed_phrases()
            .map(|list| {
                let scores = list.filter(|p| (p.passage as usize) < n).map(|p| {
                    phrase_field_score(&weights, &norms[p.passage as usize], p.tf[0].into())
                });
                scores.fold(0.0, at_least)
            })
            .collect();
        Engine {
            corpus,
            index,
            weights,
            synonym_stems,
            synonym_phrases,
            synonym_keys,
            meta: PassageMeta::new(corpus),
            letter_sets: spelling::letter_sets(index),
            norms,
            once,
            impacts,
            idfs,
            phrase_max,
            text_tokens: (0..n).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The tokens of passage `p`'s text, analysed once.
    pub(super) fn text_tokens(&self, p: usize) -> &[TextToken] {
        self.text_tokens[p].get_or_init(|| {
            let mut tokens = Vec::new();
            crate::text::Analyzer.each_token(&self.corpus.passages[p].text, |raw, term| {
                tokens.push(TextToken {
                    start: raw.start as u32,
                    end: raw.end as u32,
                    term: self.index.term_id(term).unwrap_or(u32::MAX),
                    joined: raw.joined,
                });
            });
            tokens.into_boxed_slice()
        })
    }

    /// Byte spans of passage `p`'s text where the terms `ids` occur one after the other, as
    /// [`super::phrase_spans`] finds them, from the tokens analysed once.
    pub(super) fn phrase_spans_in(&self, p: usize, ids: &[u32]) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let Some(&first) = ids.first() else { return spans };
        let mut words = self.text_tokens(p).iter().filter(|t| !t.joined);
        while let Some(start) = words.find(|t| t.term == first) {
            // The words after a start, compared without moving on: the next start may be
            // among them.
            let mut rest = words.clone();
            let end = ids[1..]
                .iter()
                .try_fold(start, |_, &id| rest.next().filter(|t| t.term == id).ok_or(()));
            if let Ok(end) = end {
                spans.push((start.start as usize, end.end as usize));
            }
        }
        spans
    }

    /// The term ids of a phrase's terms, in order; None if one is not in the vocabulary (then
    /// no text holds the phrase).
    pub(super) fn phrase_ids(&self, phrase: &[String]) -> Option<Vec<u32>> {
        phrase.iter().map(|t| self.index.term_id(t)).collect()
    }

    pub fn weights(&self) -> &RankingWeights {
        &self.weights
    }

    /// Passages searched: those of the corpus that the index covers (all, when they belong
    /// together).
    fn passage_count(&self) -> usize {
        self.norms.len()
    }

    /// Parses `input` and answers it under `filters`, returning at most `limit` hits.
    pub fn search(&self, input: &str, filters: &Filters, limit: usize) -> Results {
        self.run(parse(input), filters, limit)
    }

    /// The `limit` best passages for `input` under `filters`, best first, with their scores:
    /// the order of [`Engine::search`]'s hits, without counting facets or explaining hits. A
    /// one-word query reads only the best postings of long lists when that is enough to be
    /// exact (see [`super::impact`]).
    pub fn rank(&self, input: &str, filters: &Filters, limit: usize) -> Vec<Scored> {
        with_scratch(self.passage_count(), |scratch| {
            // The query is parsed into the scratch's, whose buffers it reuses.
            let mut query = std::mem::take(&mut scratch.query);
            parse_into(&mut query, input, &mut scratch.spare_terms);
            let clauses = self.plan(&query, &mut scratch.plan);
            let ranked = self.rank_with(scratch, &query, &clauses, filters, limit);
            super::plan::recycle(clauses, &mut scratch.plan);
            scratch.query = query;
            ranked
        })
    }

    fn rank_with(
        &self,
        scratch: &mut Scratch,
        query: &Query,
        clauses: &[Clause],
        filters: &Filters,
        limit: usize,
    ) -> Vec<Scored> {
        let excluded = self.excluded_passages(query);
        // Asked once per query, not per posting: most queries leave nothing out.
        let admits_all = excluded.is_empty() && filters.is_empty();
        let admit = |p: u32| {
            admits_all
                || ((excluded.is_empty() || excluded.binary_search(&p).is_err())
                    && (filters.is_empty() || self.meta.admits_all(filters, p)))
        };
        if query.is_empty() || limit == 0 {
            let all = (0..self.passage_count() as u32).filter(|&p| admit(p));
            return all.take(limit).map(|passage| Scored { passage, score: 0.0 }).collect();
        }
        let mut top = std::mem::take(&mut scratch.top);
        top.reset(limit.min(MAX_KEPT));
        let ranked = match clauses {
            [clause] if clause.mask != 0 && limit <= MAX_KEPT => {
                self.rank_one_clause(scratch, &mut top, clause, &admit);
                // A passage's score is its best match of the one clause. Not committed: what
                // commit adds (coverage, distance, the sum) nothing reads here, and the reset
                // clears the passages the clause reached.
                top.sorted()
                    .iter()
                    .map(|&(_, p)| Scored { passage: p, score: scratch.slots[p as usize].best })
                    .collect()
            }
            _ => {
                let order = self.clause_order(scratch, clauses);
                if !(limit <= MAX_KEPT
                    && self.rank_matching_all(scratch, clauses, &order, limit, &admit))
                {
                    scratch.reset();
                    self.score_clauses(scratch, clauses, &order);
                }
                scratch.clause_order = order;
                let candidates = scratch
                    .touched
                    .iter()
                    .copied()
                    .filter(|&p| scratch.slots[p as usize].coverage != 0 && admit(p));
                if limit <= MAX_KEPT {
                    for p in candidates {
                        top.offer(p, rank_key(scratch, p), false);
                    }
                    top.sorted()
                        .iter()
                        .map(|&(_, p)| Scored {
                            passage: p,
                            score: scratch.slots[p as usize].score,
                        })
                        .collect()
                } else {
                    let mut ranked: Vec<u32> = candidates.collect();
                    top_k(&mut ranked, limit, |p| rank_key(scratch, p));
                    ranked
                        .into_iter()
                        .map(|p| Scored { passage: p, score: scratch.slots[p as usize].score })
                        .collect()
                }
            }
        };
        scratch.top = top;
        ranked
    }

    /// Ranks the passages of one clause that counts: the champions of its long lists first,
    /// and the rest of those lists only if the champions cannot decide the `k` best. A
    /// passage's key is its closest tier and its best score, over all the clause's terms.
    fn rank_one_clause(
        &self,
        scratch: &mut Scratch,
        top: &mut TopK,
        clause: &Clause,
        admit: &impl Fn(u32) -> bool,
    ) {
        let mut rest_bound = 0.0f32;
        // Buffers of the scratch, taken for the call and given back empty.
        let (mut bounds, mut keyed, mut unread, mut unread_phrases) = (
            std::mem::take(&mut scratch.bounds),
            std::mem::take(&mut scratch.keyed),
            std::mem::take(&mut scratch.unread),
            std::mem::take(&mut scratch.unread_phrases),
        );
        bounds.extend(
            clause
                .terms
                .iter()
                .map(|e| self.term_weight(clause, e))
                .zip(&clause.terms)
                .map(|(weight, e)| (weight, weight * self.impacts.max(e.term))),
        );
        // The closest terms first, as they decide the members; among equals the strongest
        // first, so that the weakest member's score rises early and weak lists are skipped.
        let key = |(e, &(_, bound)): (&Expansion, &(f32, f32))| {
            (e.kind.tier() as u64) << 32 | crate::sort::higher_first(bound)
        };
        keyed.extend(clause.terms.iter().zip(&bounds).map(key).zip(0..));
        crate::sort::sort(&mut keyed);
        for &(_, i) in &keyed {
            let (e, (weight, bound)) = (&clause.terms[i as usize], bounds[i as usize]);
            if top.is_full() && bound < top.min_score() {
                // Nothing in this list reaches a member; like the rest of a long list, it is
                // read only if the answer cannot be decided without it.
                rest_bound = at_least(rest_bound, bound);
                unread.push(i);
                continue;
            }
            match self.impacts.get(e.term) {
                Some(champions) => {
                    for &(p, fs) in &champions.best {
                        self.touch(scratch, top, p, weight * fs, e.kind.tier(), admit);
                    }
                    if !champions.whole {
                        rest_bound = at_least(rest_bound, weight * champions.rest);
                        unread.push(i);
                    }
                }
                None => self.read_list(scratch, top, e, weight, admit),
            }
        }
        for (i, alternative) in clause.phrases.iter().enumerate() {
            let weight = self.phrase_weight(clause, alternative);
            // A listed phrase's postings are a list like a term's, with a known best score.
            if let Some(bound) =
                alternative.facts.listed.map(|i| weight * self.phrase_max[i as usize])
            {
                if top.is_full() && bound < top.min_score() {
                    rest_bound = at_least(rest_bound, bound);
                    unread_phrases.push(i as u32);
                    continue;
                }
            }
            self.read_phrase(scratch, top, alternative, weight, admit);
        }
        // Exact when the top is full and no unread posting (of tier `u` or farther, scoring
        // below `rest_bound`) can change it: none matches closer than the weakest member,
        // none reaches the lowest member score (so no member's score or tier changes), and
        // no passage outside the top that scores that much matched less closely than `u`
        // (an unread match of tier `u` would lift it to the weakest member's tier, or closer,
        // with its score).
        let exact = (unread.is_empty() && unread_phrases.is_empty()) || {
            let min_score = top.min_score();
            let weakest_tier = top.weakest_key().map(|key| u16::MAX - (key >> 32) as u16);
            let unread_tiers = unread
                .iter()
                .map(|&i| clause.terms[i as usize].kind)
                .chain(unread_phrases.iter().map(|&i| clause.phrases[i as usize].kind));
            let u = unread_tiers.map(MatchKind::tier).min().unwrap_or(u8::MAX);
            weakest_tier.is_some_and(|w| u16::from(u) >= w)
                && rest_bound < min_score
                && scratch.clause_touched.iter().all(|&p| {
                    let slot = &scratch.slots[p as usize];
                    slot.flags & IN_TOP != 0
                        || slot.best_tier <= u
                        || slot.best < min_score
                        || !admit(p)
                })
        };
        if !exact {
            // Reading a list again changes nothing: a passage keeps its best score and tier.
            for &i in &unread {
                let e = &clause.terms[i as usize];
                self.read_list(scratch, top, e, self.term_weight(clause, e), admit);
            }
            for &i in &unread_phrases {
                let alternative = &clause.phrases[i as usize];
                let weight = self.phrase_weight(clause, alternative);
                self.read_phrase(scratch, top, alternative, weight, admit);
            }
        }
        bounds.clear();
        keyed.clear();
        unread.clear();
        unread_phrases.clear();
        (scratch.bounds, scratch.keyed, scratch.unread, scratch.unread_phrases) =
            (bounds, keyed, unread, unread_phrases);
    }

    fn read_phrase(
        &self,
        scratch: &mut Scratch,
        top: &mut TopK,
        alternative: &PhraseAlternative,
        weight: f32,
        admit: &impl Fn(u32) -> bool,
    ) {
        self.each_phrase_passage(&alternative.terms, alternative.facts.listed, |passage, count| {
            let tf = [count.min(u8::MAX as usize) as u8, 0, 0, 0];
            self.touch(
                scratch,
                top,
                passage,
                weight * self.field_score(&tf, passage as usize),
                alternative.kind.tier(),
                admit,
            );
        });
    }

    /// The weight of a clause's term: its kind's weight, the clause's factor, and its idf,
    /// capped at the clause's.
    fn term_weight(&self, clause: &Clause, e: &Expansion) -> f32 {
        e.weight * clause.factor * at_most(self.idf(e.term), clause.cap)
    }

    /// The weight of a clause's phrase: its kind's weight, the clause's factor, and its idf,
    /// capped at the clause's.
    fn phrase_weight(&self, clause: &Clause, alternative: &PhraseAlternative) -> f32 {
        alternative.weight * clause.factor * alternative.facts.idf.min(clause.cap)
    }

    fn read_list(
        &self,
        scratch: &mut Scratch,
        top: &mut TopK,
        e: &Expansion,
        weight: f32,
        admit: &impl Fn(u32) -> bool,
    ) {
        let n = self.passage_count();
        for (p, tf) in self.index.postings(e.term).raw() {
            if (p as usize) < n {
                self.touch(
                    scratch,
                    top,
                    p,
                    weight * self.posting_score(p as usize, tf),
                    e.kind.tier(),
                    admit,
                );
            }
        }
    }

    /// A match of the one clause being ranked: records it, and offers the passage to `top`
    /// if its key may get it in. Inlined into its loops: called for every posting read, and
    /// the call itself (saving registers, passing seven arguments) cost about a fifth of it.
    #[inline(always)]
    fn touch(
        &self,
        scratch: &mut Scratch,
        top: &mut TopK,
        passage: u32,
        score: f32,
        tier: u8,
        admit: &impl Fn(u32) -> bool,
    ) {
        let slot = scratch.offer(passage, score, tier);
        let key = 1 << 48
            | ((u16::MAX - u16::from(slot.best_tier)) as u64) << 32
            | non_negative(slot.best).to_bits() as u64;
        let member = slot.flags & IN_TOP != 0;
        if key < top.threshold() || !admit(passage) {
            return;
        }
        let (member, out) = top.offer(passage, key, member);
        if member {
            scratch.slots[passage as usize].flags |= IN_TOP;
        }
        if let Some(out) = out {
            scratch.slots[out as usize].flags &= !IN_TOP;
        }
    }

    /// Answers a parsed query under `filters`, returning at most `limit` hits.
    pub fn run(&self, query: Query, filters: &Filters, limit: usize) -> Results {
        let (hits, total, facets) = with_scratch(self.passage_count(), |scratch| {
            // Planned into the scratch's expansion lists, as for ranking: a keystroke in the
            // app comes here.
            let clauses = self.plan(&query, &mut scratch.plan);
            let lookup = TermLookup::new(self.index, &clauses);
            let order = self.clause_order(scratch, &clauses);
            self.score_clauses(scratch, &clauses, &order);
            scratch.clause_order = order;
            let candidates = self.candidates(scratch, &query);
            let facets = Facets::count(self.corpus, &self.meta, &candidates, filters);
            let mut ranked = candidates;
            if !filters.is_empty() {
                ranked.retain(|&p| self.meta.admits_all(filters, p));
            }
            let total = ranked.len();
            if query.is_empty() {
                ranked.truncate(limit);
            } else {
                top_k(&mut ranked, limit, |p| rank_key(scratch, p));
            }
            let hits = ranked
                .iter()
                .map(|&p| {
                    let slot = &scratch.slots[p as usize];
                    self.hit(&clauses, &lookup, p, slot.score, slot.coverage.count_ones())
                })
                .collect();
            super::plan::recycle(clauses, &mut scratch.plan);
            (hits, total, facets)
        });
        Results { query, hits, total, facets }
    }

    /// The passages that match a clause that counts (every passage for an empty query), less
    /// the excluded ones.
    fn candidates(&self, scratch: &Scratch, query: &Query) -> Vec<u32> {
        let excluded = self.excluded_passages(query);
        let kept = |p: &u32| excluded.is_empty() || excluded.binary_search(p).is_err();
        if query.is_empty() {
            (0..self.passage_count() as u32).filter(kept).collect()
        } else {
            scratch
                .touched
                .iter()
                .copied()
                .filter(|&p| scratch.slots[p as usize].coverage != 0)
                .filter(kept)
                .collect()
        }
    }

    /// Words from the vocabulary close to the query's words, for a "did you mean": near
    /// spellings (up to two edits) first, the most frequent first.
    pub fn suggestions(&self, query: &Query, max: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for word in query.words.iter().filter(|w| !w.stop && w.term.chars().count() >= 3) {
            for t in spelling::near(self.index, &self.letter_sets, &word.term, 2, max) {
                let term = self.index.term(t);
                if !out.iter().any(|o| o == term) {
                    out.push(term.to_string());
                }
            }
        }
        out.truncate(max);
        out
    }

    /// The order clauses are scored in, the same for every way of answering so that scores
    /// add up to the same bits: those that count, the cheapest first (fewest postings to
    /// read), then the others (stop words beside other words).
    /// The list is the scratch's, taken: the caller gives it back.
    fn clause_order(&self, scratch: &mut Scratch, clauses: &[Clause]) -> Vec<usize> {
        let cost = |c: &Clause| -> usize {
            let terms = c.terms.iter().map(|e| self.index.document_frequency(e.term));
            let phrases = c
                .phrases
                .iter()
                .flat_map(|a| a.terms.iter())
                .filter_map(|t| self.index.term_id(t))
                .map(|t| self.index.document_frequency(t));
            terms.chain(phrases).sum()
        };
        let mut order = std::mem::take(&mut scratch.clause_order);
        order.clear();
        if clauses.len() < 2 {
            order.extend(0..clauses.len());
            return order;
        }
        let keyed = &mut scratch.keyed;
        keyed.clear();
        keyed.extend(
            clauses
                .iter()
                .map(|c| ((c.mask == 0) as u64) << 63 | (cost(c) as u64).min(u64::MAX >> 1))
                .zip(0..),
        );
        crate::sort::sort(keyed);
        order.extend(keyed.iter().map(|&(_, i)| i as usize));
        keyed.clear();
        order
    }

    /// Scores every clause in `order`. Clauses that do not count come last and only add to
    /// passages that match already: a passage that only they reach is no candidate, so it is
    /// not worth a place in the buffers.
    fn score_clauses(&self, scratch: &mut Scratch, clauses: &[Clause], order: &[usize]) {
        for &i in order {
            self.score_clause(scratch, &clauses[i], clauses[i].mask == 0);
        }
    }

    /// Scores the clauses in `order` for the passages that match the first one only, when
    /// its words can be matched by no other clause: a passage without them cannot match all
    /// words. If at least `limit` admitted passages match all words, the best of them are the
    /// answer, with their full scores, and this returns true; otherwise the caller starts
    /// over and scores every passage.
    fn rank_matching_all(
        &self,
        scratch: &mut Scratch,
        clauses: &[Clause],
        order: &[usize],
        limit: usize,
        admit: &impl Fn(u32) -> bool,
    ) -> bool {
        let (Some(&first), all) = (order.first(), clauses.iter().fold(0u32, |m, c| m | c.mask))
        else {
            return false;
        };
        let own = clauses[first].mask;
        let shared = clauses.iter().enumerate().any(|(i, c)| i != first && c.mask & own != 0);
        if own == 0 || own == all || shared {
            return false;
        }
        for (k, &i) in order.iter().enumerate() {
            self.score_clause(scratch, &clauses[i], k > 0);
        }
        let complete = scratch
            .touched
            .iter()
            .filter(|&&p| scratch.slots[p as usize].coverage == all && admit(p))
            .count();
        complete >= limit
    }

    /// Adds one clause's contribution: for each passage the best of its alternatives; only to
    /// passages that match a clause that counts, if `only_matching`.
    fn score_clause(&self, scratch: &mut Scratch, clause: &Clause, only_matching: bool) {
        let n = self.passage_count();
        let wanted = |scratch: &Scratch, p: u32| {
            (p as usize) < n && (!only_matching || scratch.slots[p as usize].coverage != 0)
        };
        for e in &clause.terms {
            let (weight, tier) = (self.term_weight(clause, e), e.kind.tier());
            for (p, tf) in self.index.postings(e.term).raw() {
                if wanted(scratch, p) {
                    scratch.offer(p, weight * self.posting_score(p as usize, tf), tier);
                }
            }
        }
        for alternative in &clause.phrases {
            let weight = self.phrase_weight(clause, alternative);
            // Gathered first: read in place, the phrase's loop changed how the terms' loop
            // above was compiled (thousands of instructions more per long query).
            let mut found = Vec::new();
            self.each_phrase_passage(
                &alternative.terms,
                alternative.facts.listed,
                |passage, count| found.push((passage, count)),
            );
            for (passage, count) in found {
                if wanted(scratch, passage) {
                    let tf = [count.min(u8::MAX as usize) as u8, 0, 0, 0];
                    scratch.offer(
                        passage,
                        weight * self.field_score(&tf, passage as usize),
                        alternative.kind.tier(),
                    );
                }
            }
        }
        scratch.commit(clause.mask);
    }

    pub(super) fn idf(&self, term: u32) -> f32 {
        self.idfs[term as usize]
    }

    /// The field score of a posting's frequency byte in `passage`.
    #[inline]
    fn posting_score(&self, passage: usize, tf: u8) -> f32 {
        if tf == 1 {
            self.once[passage]
        } else {
            field_score(&self.weights, &self.norms[passage], tf)
        }
    }

    /// BM25 term-frequency saturation per field, weighted per field and summed; for phrase
    /// counts, which may exceed what a frequency byte holds.
    fn field_score(&self, tf: &[u8; FIELD_COUNT], passage: usize) -> f32 {
        tf_field_score(&self.weights, &self.norms[passage], tf)
    }

    /// Passages whose text holds the phrase word for word (after folding), with how often: the
    /// precomputed postings of a listed phrase, else the passages holding all its words,
    /// read to check (at most [`MAX_PHRASE_CHECKS`] of them).
    pub(super) fn phrase_passages(&self, phrase: &[String]) -> Vec<(u32, usize)> {
        let mut found = Vec::new();
        self.each_phrase_passage(phrase, self.index.listed_phrase_id(phrase), |passage, count| {
            found.push((passage, count))
        });
        found
    }

    /// [`Engine::phrase_passages`] given to `f` one by one, the phrase's place among the listed
    /// phrases known: a listed phrase's postings are read, not gathered.
    fn each_phrase_passage(
        &self,
        phrase: &[String],
        listed: Option<u32>,
        mut f: impl FnMut(u32, usize),
    ) {
        if let Some(listed) = listed {
            let n = self.passage_count();
            for p in self.index.listed_phrase_postings(listed) {
                if (p.passage as usize) < n {
                    f(p.passage, p.tf[0] as usize);
                }
            }
            return;
        }
        self.checked_phrase_passages(phrase)
            .into_iter()
            .for_each(|(passage, count)| f(passage, count));
    }

    /// The passages holding all of an unlisted phrase's words, read to check.
    fn checked_phrase_passages(&self, phrase: &[String]) -> Vec<(u32, usize)> {
        let Some(words) = self.phrase_ids(phrase) else {
            return Vec::new();
        };
        // Walk the rarest word's passages; the others' lists only move forward.
        let mut ids = words.clone();
        crate::sort::sort_by_key(&mut ids, |&t| self.index.document_frequency(t) as u64);
        let mut lists: Vec<_> = ids
            .iter()
            .map(|&t| self.index.postings(t).filter(|p| p.tf[0] > 0).peekable())
            .collect();
        let Some((rarest, others)) = lists.split_first_mut() else { return Vec::new() };
        let mut found = Vec::new();
        let mut checked = 0;
        for passage in rarest.map(|p| p.passage).filter(|&p| (p as usize) < self.passage_count()) {
            if !others.iter_mut().all(|list| advance_to(list, passage)) {
                continue;
            }
            checked += 1;
            if checked > MAX_PHRASE_CHECKS {
                break;
            }
            let count = self.phrase_spans_in(passage as usize, &words).len();
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
            // The word in every form, and every term that holds it as a part.
            let look = self.lookup(term);
            let mut forms = Vec::new();
            self.add_forms(&mut forms, &look, MatchKind::Exact, 0.0);
            for t in forms.iter().map(|e| e.term).chain(look.holders(PartKind::Compound)) {
                out.extend(self.index.postings(t).map(|p| p.passage));
            }
        }
        for phrase in &query.excluded_phrases {
            out.extend(self.phrase_passages(phrase).into_iter().map(|(p, _)| p));
        }
        crate::sort::sort_dedup(&mut out);
        out
    }
}

impl Scratch {
    /// Sizes the buffers for `n` passages; they hold zeros between queries.
    fn prepare(&mut self, n: usize) {
        if self.slots.len() != n || self.dirty {
            let top = std::mem::take(&mut self.top);
            *self = Scratch { top, slots: vec![Slot::default(); n], ..Scratch::default() };
        }
    }

    /// A match of the current clause in `passage`, scoring `score`, of closeness `tier`; the
    /// best score and the closest tier count.
    #[inline]
    fn offer(&mut self, passage: u32, score: f32, tier: u8) -> &Slot {
        let slot = &mut self.slots[passage as usize];
        if slot.flags & CLAUSE_TOUCHED == 0 {
            slot.flags |= CLAUSE_TOUCHED;
            slot.best_tier = tier;
            self.clause_touched.push(passage);
        }
        if score > slot.best {
            slot.best = score;
        }
        if tier < slot.best_tier {
            slot.best_tier = tier;
        }
        slot
    }

    /// Adds the current clause's best matches to the scores and its bits to the coverage.
    fn commit(&mut self, mask: u32) {
        for &passage in &self.clause_touched {
            let slot = &mut self.slots[passage as usize];
            if slot.flags & TOUCHED == 0 {
                slot.flags |= TOUCHED;
                self.touched.push(passage);
            }
            slot.flags &= !CLAUSE_TOUCHED;
            slot.score += slot.best;
            slot.coverage |= mask;
            if mask != 0 {
                slot.distance = slot.distance.saturating_add(slot.best_tier.into());
            }
            slot.best = 0.0;
        }
        self.clause_touched.clear();
    }

    /// Back to zeros, touching only what the query touched: the passages of its committed
    /// clauses and those of a clause left uncommitted (see [`Engine::rank_with`]).
    fn reset(&mut self) {
        for &passage in self.touched.iter().chain(&self.clause_touched) {
            self.slots[passage as usize] = Slot::default();
        }
        self.touched.clear();
        self.clause_touched.clear();
    }
}

/// [`Engine::field_score`] of per-field counts.
fn tf_field_score(w: &RankingWeights, norms: &[f32; FIELD_COUNT], tf: &[u8; FIELD_COUNT]) -> f32 {
    let mut score = 0.0;
    for f in 0..FIELD_COUNT {
        if tf[f] > 0 {
            let tf = tf[f] as f32;
            score += w.fields[f] * tf * (w.k1 + 1.0) / (tf + norms[f]);
        }
    }
    score
}

/// [`Engine::field_score`] of a phrase found `count` times in a passage's text.
fn phrase_field_score(w: &RankingWeights, norms: &[f32; FIELD_COUNT], count: usize) -> f32 {
    tf_field_score(w, norms, &[count.min(u8::MAX as usize) as u8, 0, 0, 0])
}

/// BM25's idf of a term in `df` of `n` passages.
fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// [`Engine::field_score`] of a posting's frequency byte (see [`crate::index::format::pack`]):
/// the text count in bits 0–4, heading, title and people in bits 5, 6 and 7. The same sums in
/// the same order, so the same score to the bit.
#[inline]
fn field_score(w: &RankingWeights, norms: &[f32; FIELD_COUNT], tf: u8) -> f32 {
    let text = tf & 0x1f;
    let mut score = 0.0;
    if text > 0 {
        let text = f32::from(text);
        score += w.fields[0] * text * (w.k1 + 1.0) / (text + norms[0]);
    }
    if tf >= 0x20 {
        for (f, (weight, norm)) in w.fields.iter().zip(norms).enumerate().skip(1) {
            if tf >> (4 + f) & 1 == 1 {
                score += weight * 1.0 * (w.k1 + 1.0) / (1.0 + norm);
            }
        }
    }
    score
}

// `f32::max` and `f32::min` call library functions in wasm (its own min and max treat NaN
// otherwise); the scores here are never NaN, so plain comparisons do.
fn non_negative(x: f32) -> f32 {
    if x > 0.0 {
        x
    } else {
        0.0
    }
}

fn at_most(x: f32, cap: f32) -> f32 {
    if x < cap {
        x
    } else {
        cap
    }
}

fn at_least(x: f32, floor: f32) -> f32 {
    if x > floor {
        x
    } else {
        floor
    }
}

/// Moves a posting list forward to `passage`; true if the passage is in it.
fn advance_to(
    list: &mut std::iter::Peekable<impl Iterator<Item = crate::index::Posting>>,
    passage: u32,
) -> bool {
    while list.next_if(|q| q.passage < passage).is_some() {}
    list.peek().is_some_and(|q| q.passage == passage)
}

/// Runs `f` with this thread's scratch buffers (fresh ones if they are in use).
fn with_scratch<R>(n: usize, f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => {
            scratch.prepare(n);
            scratch.dirty = true;
            let result = f(&mut scratch);
            scratch.reset();
            scratch.dirty = false;
            result
        }
        Err(_) => {
            let mut scratch = Scratch::default();
            scratch.prepare(n);
            f(&mut scratch)
        }
    })
}

/// The order of hits as one number, higher first: coverage, then closeness (lower
/// distance), then score. Scores are positive, so their bits order like the numbers.
fn rank_key(scratch: &Scratch, passage: u32) -> u64 {
    let slot = &scratch.slots[passage as usize];
    let coverage = slot.coverage.count_ones() as u64;
    let closeness = (u16::MAX - slot.distance) as u64;
    coverage << 48 | closeness << 32 | non_negative(slot.score).to_bits() as u64
}

/// Puts the `limit` passages with the highest keys first, best first, and drops the rest;
/// ties go to the earlier passage.
fn top_k(ranked: &mut Vec<u32>, limit: usize, key: impl Fn(u32) -> u64) {
    // Highest key first: sorted by the key's complement.
    let mut keyed: Vec<crate::sort::Keyed> = ranked.iter().map(|&p| (!key(p), p)).collect();
    if limit == 0 {
        keyed.clear();
    } else if limit < keyed.len() {
        crate::sort::select(&mut keyed, limit - 1);
        keyed.truncate(limit);
    }
    crate::sort::sort(&mut keyed);
    ranked.clear();
    ranked.extend(keyed.into_iter().map(|(_, p)| p));
}

#[cfg(test)]
mod tests {
    use crate::text::analyze;

    /// The spans a phrase check finds from the tokens analysed once are those that analysing
    /// the text again finds: for every run of two and three words of every passage, and for
    /// runs that do not occur (the words of one passage after those of another).
    #[test]
    fn phrase_spans_from_stored_tokens_are_those_of_the_text() {
        let engine = crate::engine();
        let texts: Vec<&str> = engine.corpus.passages.iter().map(|p| p.text.as_str()).collect();
        let mut checked = 0;
        for (p, text) in texts.iter().enumerate() {
            let words: Vec<String> =
                analyze(text).into_iter().filter(|t| !t.joined).map(|t| t.term).collect();
            let next: Vec<String> = analyze(texts[(p + 1) % texts.len()])
                .into_iter()
                .filter(|t| !t.joined)
                .map(|t| t.term)
                .collect();
            let runs = words.windows(2).chain(words.windows(3)).map(<[String]>::to_vec);
            let strangers = words.iter().zip(&next).map(|(a, b)| vec![a.clone(), b.clone()]);
            for phrase in runs.chain(strangers) {
                let Some(ids) = engine.phrase_ids(&phrase) else { continue };
                assert_eq!(
                    engine.phrase_spans_in(p, &ids),
                    super::super::phrase_spans(text, &phrase),
                    "{phrase:?} in passage {p}"
                );
                checked += 1;
            }
        }
        assert!(checked > 5_000, "only {checked} phrases checked");
    }

    /// A multi-word synonym is ranked from facts gathered when the engine starts: they are
    /// those of its own words (its place among the listed phrases, whose postings are its
    /// passages, and its idf), for every entry of every group.
    #[test]
    fn synonym_phrase_facts_are_those_of_their_entries() {
        let engine = crate::engine();
        let (mut phrases, mut occurring) = (0, 0);
        for (group, facts) in engine.index.synonyms().iter().zip(&engine.synonym_phrases) {
            assert_eq!(group.entries.len(), facts.len());
            for (entry, facts) in group.entries.iter().zip(facts) {
                assert_eq!(facts.listed, engine.index.listed_phrase_id(entry), "{entry:?}");
                assert_eq!(facts.idf.to_bits(), engine.phrase_idf(entry).to_bits(), "{entry:?}");
                if entry.len() > 1 {
                    let listed = facts.listed.expect("every multi-word synonym is a listed phrase");
                    // What the listed postings hold is what checking the words' positions finds.
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
        }
        assert!(phrases >= 10, "only {phrases} multi-word synonyms");
        assert!(occurring >= 3, "only {occurring} multi-word synonyms occur in the corpus");
    }
}
