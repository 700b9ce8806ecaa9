//! What a search answers: the hits, best first, each with why it matched, and the counts.
//!
//! Terms:
//! - a *hit* is a passage that matches the query and the filters, with its marks (byte ranges
//!   of its text that matched), its [`Snippet`] and its [`Match`]es;
//! - a *match* says which query word (or phrase) met which term of the passage, and how
//!   ([`MatchKind`]).

use super::facets::Facets;
use super::query::Query;
use super::snippet::Snippet;
use crate::corpus::{DocIdx, PassageIdx};

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
    pub snippet: Snippet,
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
