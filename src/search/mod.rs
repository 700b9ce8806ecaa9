//! Search: the query language, the engine, ranking weights, filters with facet counts and
//! snippets. Pure Rust over the corpus and the index; it runs natively and in the browser.

mod engine;
mod facets;
mod query;
mod snippet;
mod weights;

pub use engine::{phrase_spans, Engine, Hit, Match, MatchKind, Results};
pub use facets::{all_years, year_id, year_of, Facets, Filters};
pub use query::{parse, Query, Word};
pub use snippet::{marks, Snippet};
pub use weights::RankingWeights;
