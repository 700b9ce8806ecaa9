//! Search: the query language, planning, ranking, filters with facet counts, explanations
//! and snippets. Pure Rust over the corpus and the index; it runs natively and in the browser.
//!
//! The way of a query: [`parse`] (what the reader typed -> [`Query`]) -> plan (clauses of
//! corpus terms and phrases) -> [`Engine`] (score, exclude, count [`Facets`], filter, rank)
//! -> explain (each [`Hit`] with its marks, [`Snippet`] and [`Match`]es, into [`Results`]).
//! The modules in that order depend only on those before them.

mod engine;
mod explain;
mod facets;
mod plan;
mod query;
mod results;
mod snippet;
mod spelling;
mod weights;

pub use engine::Engine;
pub use facets::{year_id, year_of, Facets, Filters};
pub use query::{parse, Query, Word, MAX_PHRASES, MAX_WORDS};
pub use results::{Hit, Match, MatchKind, Results};
pub use snippet::{marks, Snippet};
