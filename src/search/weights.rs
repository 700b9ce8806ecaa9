//! The tunable numbers of ranking, in one place.

use crate::index::FIELD_COUNT;

/// How much each kind of match and each field counts. Scores are BM25 with per-field weights
/// (BM25F-style), multiplied by the weight of the match kind; a passage's score is the sum
/// over the query's words of each word's best match in it.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingWeights {
    /// BM25 term-frequency saturation (usual range 1.0–2.0): higher lets repeats count more.
    pub k1: f32,
    /// BM25 length normalisation (0.0–1.0): 1.0 fully favours short passages.
    pub b: f32,
    /// Weight per field, in the order text, heading, title, people (0.0–3.0). The title is
    /// shared by all passages of a document, so it separates documents more than passages.
    pub fields: [f32; FIELD_COUNT],
    /// Match kinds (0.0–1.0), the word itself being 1.0. Every other kind ranks below it.
    pub exact: f32,
    pub stem: f32,
    pub synonym: f32,
    pub prefix: f32,
    pub compound: f32,
    pub typo: f32,
    /// A quoted phrase found word for word, per unit of its terms' idf (0.5–3.0).
    pub phrase: f32,
    /// Factor for stop words when the query has other words (0.0–0.5).
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
