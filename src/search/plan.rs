//! Planning a query: from what the reader typed to clauses over the vocabulary.
//!
//! Terms:
//! - a *clause* is one thing the query asks for: a word, a quoted phrase, or a run of words
//!   that is a multi-word synonym (`wet maatschappelijke ondersteuning`, also found as `wmo`).
//!   Matching a clause earns a passage its coverage bits: one per word or phrase;
//! - an *expansion* is a corpus term a clause stands for, with the kind of match (the word
//!   itself, another form, a synonym, a longer word being typed, a compound, a near spelling)
//!   and the weight that kind carries;
//! - a *phrase alternative* is a sequence of terms a clause matches word for word: the quoted
//!   phrase itself, or a multi-word synonym.
//!
//! Every expansion list is capped, so a query costs a bounded amount of work whatever it says.

use std::borrow::Cow;

use super::engine::{Engine, MatchKind};
use super::query::{Query, Word};
use super::spelling;
use crate::index::Index;
use crate::text::{stem, PartKind};

/// At most this many longer words per word being typed, compounds per word, near spellings
/// per word; the most frequent are kept.
pub const MAX_PREFIX_TERMS: usize = 48;
pub const MAX_COMPOUND_TERMS: usize = 64;
pub const MAX_TYPO_TERMS: usize = 8;

#[derive(Debug, Clone)]
pub(super) struct Clause<'q> {
    /// What the reader typed for it (folded), to explain a match.
    pub label: Cow<'q, str>,
    /// The coverage bits a match earns; 0 for stop words beside other words.
    pub mask: u32,
    /// Factor on every match (stop words beside other words weigh less).
    pub factor: f32,
    /// The idf no expansion may exceed: the idf of the word or phrase itself.
    pub cap: f32,
    pub terms: Vec<Expansion>,
    pub phrases: Vec<PhraseAlternative<'q>>,
}

/// What planning asks of the index about one term, asked once: its id, its stem, and the
/// terms that hold it or its stem as a part (as the index codes them, see
/// [`Index::part_codes`]).
pub(super) struct Lookup<'s> {
    pub term: &'s str,
    pub id: Option<u32>,
    pub stem: Cow<'s, str>,
    pub parts: [&'s [u32]; 2],
}

impl Lookup<'_> {
    /// The terms that hold the term or its stem as a part of this kind.
    pub(super) fn holders(&self, kind: PartKind) -> impl Iterator<Item = u32> + Clone + '_ {
        let form = u32::from(kind == PartKind::Form);
        self.parts
            .iter()
            .flat_map(|codes| codes.iter())
            .filter(move |&&code| code & 1 == form)
            .map(|&code| code >> 1)
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Expansion {
    pub term: u32,
    pub kind: MatchKind,
    pub weight: f32,
}

#[derive(Debug, Clone)]
pub(super) struct PhraseAlternative<'q> {
    /// Borrowed from the query or the synonym list: planning copies no words.
    pub terms: Cow<'q, [String]>,
    pub kind: MatchKind,
    pub weight: f32,
    /// What ranking asks of the index about the phrase, asked once (for a synonym, when the
    /// engine starts).
    pub facts: PhraseFacts,
}

/// Of a phrase: its place among the listed phrases, if it is one (see
/// [`Index::listed_phrase_id`]), and its [`Engine::phrase_idf`].
#[derive(Debug, Clone, Copy)]
pub(super) struct PhraseFacts {
    pub listed: Option<u32>,
    pub idf: f32,
}

impl Engine<'_> {
    /// The clauses of a query: its words, then its phrases, then multi-word synonyms in it.
    /// The list and its clauses' lists are those of past plans, kept in `buffers` (see
    /// [`recycle`]), so a plan allocates few.
    #[inline(always)]
    pub(super) fn plan<'q>(
        &'q self,
        query: &'q Query,
        buffers: &mut PlanBuffers,
    ) -> Vec<Clause<'q>> {
        let only_stop = query.only_stop_words();
        let counts = |w: &Word| !w.stop || only_stop;
        let mut clauses: Vec<Clause> = reuse(std::mem::take(&mut buffers.clauses));
        clauses.reserve(query.words.len() + query.phrases.len());
        clauses.extend(
            query
                .words
                .iter()
                .enumerate()
                .map(|(i, w)| self.word_clause(w, if counts(w) { 1 << i } else { 0 }, buffers)),
        );
        for (k, phrase) in query.phrases.iter().enumerate() {
            clauses.push(self.phrase_clause(phrase, 1 << (query.words.len() + k), buffers));
        }
        for (start, entry) in self.synonym_runs(query) {
            let mask = (start..start + entry.len())
                .filter(|&i| counts(&query.words[i]))
                .fold(0, |m, i| m | 1 << i);
            clauses.push(self.phrase_synonym_clause(entry, mask, buffers));
        }
        clauses
    }

    fn word_clause<'q>(
        &'q self,
        word: &'q Word,
        mask: u32,
        buffers: &mut PlanBuffers,
    ) -> Clause<'q> {
        let w = &self.weights;
        // Everything planning asks of the index about the word, asked once.
        let look = self.lookup(&word.term);
        let (terms, phrases) = (buffers.expansions(), buffers.phrases());
        let groups = &mut buffers.groups;
        groups.clear();
        if !word.exact {
            self.synonym_groups(word, &look.stem, groups);
        }
        let mut clause = Clause {
            label: Cow::Borrowed(&word.term),
            mask,
            factor: if mask == 0 { w.stop_word } else { 1.0 },
            cap: look.id.map_or(f32::INFINITY, |t| self.idf(t)),
            terms: self.expand(word, &look, groups, terms),
            phrases,
        };
        if !word.stop {
            // The groups' entries of more than one word (never the word itself).
            for &g in groups.iter() {
                let (group, facts) =
                    (&self.index.synonyms()[g as usize], &self.synonym_phrases[g as usize]);
                for (entry, &facts) in group.entries.iter().zip(facts).filter(|(e, _)| e.len() > 1)
                {
                    clause.phrases.push(PhraseAlternative {
                        terms: Cow::Borrowed(entry),
                        kind: MatchKind::Synonym,
                        weight: w.synonym,
                        facts,
                    });
                }
            }
        }
        clause
    }

    /// A quoted phrase, and its synonyms if it is an entry of the list.
    fn phrase_clause<'q>(
        &'q self,
        phrase: &'q [String],
        mask: u32,
        buffers: &mut PlanBuffers,
    ) -> Clause<'q> {
        let mut clause = self.phrase_synonym_clause(phrase, mask, buffers);
        clause.phrases.insert(
            0,
            PhraseAlternative {
                terms: Cow::Borrowed(phrase),
                kind: MatchKind::Phrase,
                weight: self.weights.phrase,
                facts: self.phrase_facts(phrase),
            },
        );
        clause
    }

    /// A clause for the other entries of the synonym groups that hold the multi-word `entry`.
    fn phrase_synonym_clause<'q>(
        &'q self,
        entry: &[String],
        mask: u32,
        buffers: &mut PlanBuffers,
    ) -> Clause<'q> {
        let (terms, phrases) = (buffers.expansions(), buffers.phrases());
        let mut clause = Clause {
            label: Cow::Owned(entry.join(" ")),
            mask,
            factor: 1.0,
            cap: self.phrase_idf(entry),
            terms,
            phrases,
        };
        // Each group's entries with their facts, gathered when the engine started.
        let groups = self
            .index
            .synonyms()
            .iter()
            .zip(&self.synonym_phrases)
            .filter(|(g, _)| g.entries.iter().any(|e| e == entry));
        let others = groups
            .flat_map(|(g, facts)| g.entries.iter().zip(facts))
            .filter(|(e, _)| e.as_slice() != entry);
        for (other, &facts) in others {
            match other.as_slice() {
                [term] => self.add_forms(
                    &mut clause.terms,
                    &self.lookup(term),
                    MatchKind::Synonym,
                    self.weights.synonym,
                ),
                terms => clause.phrases.push(PhraseAlternative {
                    terms: Cow::Borrowed(terms),
                    kind: MatchKind::Synonym,
                    weight: self.weights.synonym,
                    facts,
                }),
            }
        }
        dedup(&mut clause.terms);
        clause
    }

    /// Runs of the query's words that spell a multi-word synonym: (first word, entry). A
    /// query of one word has none, and is spared reading the list.
    fn synonym_runs<'s>(
        &'s self,
        query: &'s Query,
    ) -> impl Iterator<Item = (usize, &'s [String])> + 's {
        let groups = if query.words.len() > 1 { self.index.synonyms() } else { &[] };
        let entries = groups.iter().flat_map(|g| &g.entries).filter(|e| e.len() > 1);
        entries.flat_map(move |entry| {
            let windows = query.words.windows(entry.len()).enumerate();
            windows
                .filter(move |(_, run)| run.iter().zip(entry).all(|(w, t)| &w.term == t))
                .map(move |(i, _)| (i, entry.as_slice()))
        })
    }

    /// The corpus terms a query word stands for, best kind first, each once, in `out` (empty);
    /// `groups` are the word's synonym groups (see [`Engine::synonym_groups`]).
    fn expand(
        &self,
        word: &Word,
        look: &Lookup,
        groups: &[u32],
        mut out: Vec<Expansion>,
    ) -> Vec<Expansion> {
        let w = &self.weights;
        debug_assert!(out.is_empty(), "expansions are added to an empty list");
        if let Some(t) = look.id {
            push(&mut out, t, MatchKind::Exact, w.exact);
        }
        if word.exact {
            return out;
        }
        self.add_forms(&mut out, look, MatchKind::Stem, w.stem);
        for (entry, entry_stem) in self.synonym_entries(word, groups) {
            if let ([term], Some(entry_stem)) = (entry.as_slice(), entry_stem) {
                self.add_forms(
                    &mut out,
                    &self.lookup_stemmed(term, Cow::Borrowed(entry_stem)),
                    MatchKind::Synonym,
                    w.synonym,
                );
            }
        }
        if word.prefix {
            self.push_most_frequent(
                &mut out,
                self.index.prefix_range(&word.term),
                MAX_PREFIX_TERMS,
                MatchKind::Prefix,
                w.prefix,
            );
        }
        if !word.stop {
            self.push_most_frequent(
                &mut out,
                look.holders(PartKind::Compound),
                MAX_COMPOUND_TERMS,
                MatchKind::Compound,
                w.compound,
            );
        }
        let found_word = out
            .iter()
            .any(|e| matches!(e.kind, MatchKind::Exact | MatchKind::Stem | MatchKind::Prefix));
        if !found_word && !word.stop {
            let max = spelling::allowance(word.term.chars().count());
            for t in spelling::near(self.index, &self.letter_sets, &word.term, max, MAX_TYPO_TERMS)
            {
                push(&mut out, t, MatchKind::Typo, w.typo);
            }
        }
        dedup(&mut out);
        out
    }

    /// A term's [`Lookup`].
    pub(super) fn lookup<'s>(&'s self, term: &'s str) -> Lookup<'s> {
        let id = self.index.term_id(term);
        // A word of the corpus has its stem stored, which spares running the stemmer.
        let stem = id.map_or_else(|| Cow::Owned(stem(term)), |t| self.index.stem_of(t));
        self.lookup_with(term, id, stem)
    }

    /// A term's [`Lookup`], its stem known.
    fn lookup_stemmed<'s>(&'s self, term: &'s str, stem: Cow<'s, str>) -> Lookup<'s> {
        self.lookup_with(term, self.index.term_id(term), stem)
    }

    fn lookup_with<'s>(&'s self, term: &'s str, id: Option<u32>, stem: Cow<'s, str>) -> Lookup<'s> {
        let of_stem = if stem == term { &[][..] } else { self.index.part_codes(&stem) };
        Lookup { term, id, parts: [self.index.part_codes_of(id, term), of_stem], stem }
    }

    /// The term itself and its other forms: the terms with its stem that share its root, and
    /// the terms that are it with an inflection ending.
    pub(super) fn add_forms(
        &self,
        out: &mut Vec<Expansion>,
        look: &Lookup,
        kind: MatchKind,
        weight: f32,
    ) {
        if let Some(t) = look.id {
            push(out, t, kind, weight);
        }
        for &t in self.index.terms_with_stem(&look.stem) {
            if shares_root(look.term, self.index.term(t)) {
                push(out, t, kind, weight);
            }
        }
        for t in look.holders(PartKind::Form) {
            push(out, t, kind, weight);
        }
    }

    /// The synonym groups that hold the word (or a form of it), in group order, into `groups`
    /// (empty): a buffer of the caller's, as every word of every query asks.
    fn synonym_groups(&self, word: &Word, word_stem: &str, groups: &mut Vec<u32>) {
        // The groups whose keys match the word's or its stem's hash; a group found by a hash
        // that only collides fails the test below.
        let word_key = hash(&word.term);
        let keys = [word_key, if word_stem == word.term { word_key } else { hash(word_stem) }];
        // A stem that hashes as the word finds the same groups again.
        let distinct = if keys[1] == keys[0] { 1 } else { 2 };
        for &key in &keys[..distinct] {
            let start = self.synonym_keys.partition_point(|e| e.0 < key);
            groups
                .extend(self.synonym_keys[start..].iter().take_while(|e| e.0 == key).map(|e| e.1));
        }
        crate::sort::sort_dedup(groups);
        groups.retain(|&g| {
            let (group, stems) =
                (&self.index.synonyms()[g as usize], &self.synonym_stems[g as usize]);
            group.entries.iter().zip(stems).any(|(e, s)| {
                e.len() == 1 && (e[0] == word.term || s.as_deref() == Some(word_stem))
            })
        });
    }

    /// The entries of the word's synonym `groups` other than the word itself, each with its
    /// stem if it is one word: read from the groups each time instead of gathered in a list.
    fn synonym_entries<'s: 'g, 'g>(
        &'s self,
        word: &'g Word,
        groups: &'g [u32],
    ) -> impl Iterator<Item = (&'s Vec<String>, Option<&'s str>)> + 'g {
        groups.iter().flat_map(move |&g| {
            let (group, stems) =
                (&self.index.synonyms()[g as usize], &self.synonym_stems[g as usize]);
            let others = group
                .entries
                .iter()
                .zip(stems)
                .filter(move |(e, _)| !(e.len() == 1 && e[0] == word.term));
            others.map(|(e, s)| (e, s.as_deref()))
        })
    }

    /// Adds at most `max` of `terms`, the most frequent, in their given order otherwise (in
    /// term order if some were left out).
    fn push_most_frequent(
        &self,
        out: &mut Vec<Expansion>,
        terms: impl Iterator<Item = u32> + Clone,
        max: usize,
        kind: MatchKind,
        weight: f32,
    ) {
        if terms.clone().count() <= max {
            terms.for_each(|t| push(out, t, kind, weight));
            return;
        }
        let mut terms: Vec<u32> = terms.collect();
        crate::sort::sort_by_key(&mut terms, |&t| !(self.index.document_frequency(t) as u64));
        terms.truncate(max);
        crate::sort::sort_dedup(&mut terms);
        terms.into_iter().for_each(|t| push(out, t, kind, weight));
    }

    /// The summed idf of a phrase's terms: how rare the phrase is, at most.
    pub(super) fn phrase_idf(&self, terms: &[String]) -> f32 {
        phrase_idf(self.index, &self.idfs, terms)
    }

    /// A phrase's [`PhraseFacts`].
    pub(super) fn phrase_facts(&self, terms: &[String]) -> PhraseFacts {
        phrase_facts(self.index, &self.idfs, terms)
    }
}

/// [`Engine::phrase_idf`], from the terms' idfs.
fn phrase_idf(index: &Index, idfs: &[f32], terms: &[String]) -> f32 {
    terms.iter().filter_map(|t| index.term_id(t)).map(|t| idfs[t as usize]).sum::<f32>().max(0.1)
}

/// [`Engine::phrase_facts`], from the terms' idfs; for every entry of every synonym group
/// when the engine starts.
pub(super) fn phrase_facts(index: &Index, idfs: &[f32], terms: &[String]) -> PhraseFacts {
    PhraseFacts { listed: index.listed_phrase_id(terms), idf: phrase_idf(index, idfs, terms) }
}

/// Lists that planning fills and empties again, kept across queries (in the engine's
/// scratch) so that a plan allocates little. Those that hold borrowed words are kept empty
/// with no lifetime of their own, and given one by [`reuse`].
#[derive(Default)]
pub(super) struct PlanBuffers {
    /// The emptied list of clauses of the last plan.
    clauses: Vec<Clause<'static>>,
    /// Emptied expansion and phrase lists of past plans' clauses, for the next (see
    /// [`recycle`]).
    expansions: Vec<Vec<Expansion>>,
    phrases: Vec<Vec<PhraseAlternative<'static>>>,
    /// The synonym groups of the word being planned (see [`Engine::synonym_groups`]).
    groups: Vec<u32>,
}

impl PlanBuffers {
    /// An empty expansion list for a clause.
    fn expansions(&mut self) -> Vec<Expansion> {
        self.expansions.pop().unwrap_or_else(|| Vec::with_capacity(16))
    }

    /// An empty phrase list for a clause.
    fn phrases<'q>(&mut self) -> Vec<PhraseAlternative<'q>> {
        self.phrases.pop().map(reuse).unwrap_or_default()
    }
}

/// Gives the lists of a plan back to `buffers`, emptied, for the next plan: as a plan takes
/// one of each per clause and this gives one back per clause, the buffers hold as many as
/// the largest plan had.
pub(super) fn recycle(mut clauses: Vec<Clause>, buffers: &mut PlanBuffers) {
    for clause in clauses.drain(..) {
        let mut terms = clause.terms;
        terms.clear();
        buffers.expansions.push(terms);
        buffers.phrases.push(reuse(clause.phrases));
    }
    buffers.clauses = reuse(clauses);
}

/// `list` emptied, as a list of another type of the same size: in practice the same type
/// with another lifetime. The standard library collects a vector's own iterator into the
/// vector's allocation when the sizes agree, so no memory changes hands; were it ever to
/// allocate instead, only the saving would be lost.
fn reuse<T, U>(mut list: Vec<T>) -> Vec<U> {
    list.clear();
    list.into_iter().filter_map(|_| None).collect()
}

/// For [`Engine::synonym_groups`]: (hash, group) of every one-word entry and its stem, sorted.
pub(super) fn synonym_keys(
    index: &Index,
    stems: &[Vec<Option<String>>],
) -> Vec<crate::sort::Keyed> {
    let mut keys = Vec::new();
    for (g, (group, stems)) in index.synonyms().iter().zip(stems).enumerate() {
        for (entry, stem) in group.entries.iter().zip(stems) {
            if let ([term], Some(stem)) = (entry.as_slice(), stem) {
                keys.push((hash(term), g as u32));
                keys.push((hash(stem), g as u32));
            }
        }
    }
    crate::sort::sort(&mut keys);
    keys
}

fn hash(text: &str) -> u64 {
    crate::index::format::hash(text.as_bytes())
}

/// Adds an expansion; [`dedup`] later keeps each term's first, which is its best kind.
fn push(out: &mut Vec<Expansion>, term: u32, kind: MatchKind, weight: f32) {
    out.push(Expansion { term, kind, weight });
}

/// Keeps the first expansion of each term, in order. Few are compared with the ones kept
/// before; more go through a small open-addressing set of term ids on the stack, as a word
/// can have a hundred expansions.
fn dedup(out: &mut Vec<Expansion>) {
    const SLOTS: usize = 512;
    if out.len() < 2 {
        return;
    }
    if out.len() <= 16 || out.len() > SLOTS / 2 {
        let mut kept = 0;
        for i in 0..out.len() {
            if !out[..kept].iter().any(|e| e.term == out[i].term) {
                out.swap(kept, i);
                kept += 1;
            }
        }
        out.truncate(kept);
        return;
    }
    // Slots hold a term id plus one; at most half full, so every probe ends.
    let mut seen = [0u32; SLOTS];
    out.retain(|e| {
        let mut at = (e.term.wrapping_mul(0x9e37_79b9) >> 23) as usize;
        loop {
            match seen[at] {
                0 => {
                    seen[at] = e.term + 1;
                    return true;
                }
                v if v == e.term + 1 => return false,
                _ => at = (at + 1) % SLOTS,
            }
        }
    });
}

/// Snowball sometimes gives unrelated words one stem (`wet`, `weten`); a stem match must also
/// share the start of the word: at least 3 characters and 60 % of the shorter one.
pub(super) fn shares_root(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        return common >= 3.max((a.len().min(b.len()) * 3).div_ceil(5));
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 3.max((shorter * 3).div_ceil(5))
}

#[cfg(test)]
mod tests {
    use super::{dedup, reuse, shares_root, Expansion, MatchKind};
    use std::borrow::Cow;

    /// What [`reuse`] saves: a list given another lifetime keeps its allocation, both ways.
    #[test]
    fn reused_lists_keep_their_allocation() {
        let kept: Vec<Cow<'static, str>> = Vec::with_capacity(8);
        let at = kept.as_ptr() as usize;
        let word = String::from("zorg");
        let mut borrowing: Vec<Cow<'_, str>> = reuse(kept);
        borrowing.push(Cow::Borrowed(&word));
        assert_eq!((borrowing.as_ptr() as usize, borrowing.capacity()), (at, 8));
        let kept: Vec<Cow<'static, str>> = reuse(borrowing);
        assert_eq!((kept.as_ptr() as usize, kept.capacity(), kept.len()), (at, 8, 0));
    }

    #[test]
    fn dedup_keeps_the_first_of_each_term_in_order() {
        // Few (compared one by one), many (the set on the stack), more than the set holds.
        for n in [5u32, 100, 400] {
            let kinds = [MatchKind::Exact, MatchKind::Stem, MatchKind::Compound];
            let mut list: Vec<Expansion> = (0..3 * n)
                .map(|i| Expansion {
                    term: (i * 7) % n,
                    kind: kinds[(i / n) as usize],
                    weight: 1.0,
                })
                .collect();
            dedup(&mut list);
            let terms: Vec<u32> = list.iter().map(|e| e.term).collect();
            let expected: Vec<u32> = (0..n).map(|i| (i * 7) % n).collect();
            assert_eq!(terms, expected, "{n} terms");
            assert!(
                list.iter().all(|e| e.kind == MatchKind::Exact),
                "{n} terms: the first (best) kind is kept"
            );
        }
    }

    #[track_caller]
    fn check(a: &str, b: &str, expected: bool) {
        assert_eq!(shares_root(a, b), expected, "{a} ~ {b}");
    }

    #[test]
    fn stem_matches_share_a_root() {
        check("bezuinigingen", "bezuiniging", true);
        check("kwetsbaar", "kwetsbare", true);
        check("regels", "regel", true);
        check("ab", "ab", false);
    }
}
