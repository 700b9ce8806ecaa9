//! The tunable numbers of ranking, in one place.

use crate::index::FIELD_COUNT;

/// How much each kind of match and each field counts.
///
/// The model: a query is a list of *clauses* (each word, each quoted phrase). A passage's
/// score is the sum over clauses of the clause's best match in it, and a match scores
///
/// ```text
/// kind weight × idf × Σ over fields: field weight × tf × (k1 + 1) / (tf + k1 × (1 − b + b × len / avg len))
/// ```
///
/// (BM25 with per-field weights, BM25F-style). The idf of any other form of a word is capped
/// at the idf of the word itself, so a rare compound or spelling never outweighs the word the
/// reader typed just by being rare. Passages are ranked by how many clauses they match first
/// and by score second: all words beat some words, whatever the weights.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingWeights {
    /// BM25 term-frequency saturation (usual range 1.0–2.0): higher lets repeats count more.
    pub k1: f32,
    /// BM25 length normalisation (0.0–1.0): 1.0 fully favours short passages, 0.0 ignores
    /// length.
    pub b: f32,
    /// Weight per field, in the order text, heading, title, people (0.0–3.0). The title is
    /// shared by all passages of a document, so it separates documents more than passages;
    /// it stays below the text so the passage that says it ranks above its neighbours.
    pub fields: [f32; FIELD_COUNT],
    /// Weight of each kind of match (0.0–1.0), the word itself being 1.0; every other kind
    /// ranks below it, compound parts and typos lowest.
    pub exact: f32,
    /// Another form of the word (`bezuiniging` for `bezuinigingen`).
    pub stem: f32,
    /// A word or phrase from the curated synonym list.
    pub synonym: f32,
    /// A longer word that starts with the word being typed.
    pub prefix: f32,
    /// A compound that holds the word (`jeugdzorg` for `zorg`).
    pub compound: f32,
    /// A near spelling (`participatiewt`).
    pub typo: f32,
    /// A quoted phrase found word for word, per unit of its terms' summed idf (0.5–3.0).
    pub phrase: f32,
    /// Factor for stop words when the query has other words (0.0–0.5); a query of only
    /// stop words weighs them fully.
    pub stop_word: f32,
}

impl Default for RankingWeights {
    fn default() -> Self {
        RankingWeights {
            k1: 1.2,
            b: 0.6,
            fields: [1.0, 0.6, 0.5, 0.5],
            exact: 1.0,
            stem: 0.85,
            synonym: 0.7,
            prefix: 0.6,
            compound: 0.45,
            typo: 0.4,
            phrase: 1.5,
            stop_word: 0.15,
        }
    }
}
