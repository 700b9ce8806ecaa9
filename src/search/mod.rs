//! Search: the query language, planning, ranking, filters with facet counts, explanations
//! and snippets. Pure Rust over the corpus and the index; it runs natively and in the browser.
//!
//! The way of a query: [`parse`] (what the reader typed -> [`Query`]) -> plan (clauses of
//! corpus terms and phrases) -> [`Engine`] (score, exclude, count [`Facets`], filter, rank)
//! -> explain (each [`Hit`] with its marks, [`Snippet`] and [`Match`]es).

mod engine;
mod explain;
mod facets;
mod impact;
mod plan;
mod query;
mod snippet;
mod spelling;
mod topk;
mod weights;

pub use engine::{Engine, Hit, Match, MatchKind, Results, Scored, MAX_PHRASE_CHECKS};
pub use explain::phrase_spans;
pub use facets::{all_years, year_id, year_of, Facets, Filters};
pub use impact::{CHAMPIONS, LONG_LIST};
pub use plan::{MAX_COMPOUND_TERMS, MAX_PREFIX_TERMS, MAX_TYPO_TERMS};
pub use query::{
    parse, Query, Word, MAX_EXCLUDED, MAX_PHRASES, MAX_PHRASE_TERMS, MAX_QUERY_BYTES, MAX_WORDS,
};
pub use snippet::{marks, snippet, Snippet, SNIPPET_CHARS};
pub use spelling::allowance;
pub use weights::RankingWeights;
