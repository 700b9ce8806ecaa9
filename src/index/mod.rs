//! The search index, built once from the corpus by build.rs and embedded in the binary.
//!
//! Terms:
//! - a *field* is a part of what describes a passage: its text, the section heading it
//!   stands under, its document's title, and the people (authors, people quoted, roles);
//! - a *posting* says how often a term occurs in each field of one passage;
//! - a *part* is a word the corpus also uses on its own, found inside a longer word
//!   (`zorg` in `jeugdzorg`, `wet` at the end of `participatiewet`): Dutch writes compounds as
//!   one word, and a reader searching for the part expects to find them.
//!
//! Everything here is computed at build time; the browser only decodes it.

mod build;

use serde::{Deserialize, Serialize};

pub use build::build;

/// The fields of a passage, in the order of [`Posting::tf`] and [`Index::lengths`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Text = 0,
    Heading = 1,
    Title = 2,
    People = 3,
}

pub const FIELD_COUNT: usize = 4;

/// How often a term occurs in each field of one passage (saturating at 255).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub passage: u32,
    pub tf: [u8; FIELD_COUNT],
}

/// A curated group of words that mean the same here (`wmo`, `wet maatschappelijke
/// ondersteuning`). Each entry is stored as its folded terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynonymGroup {
    pub entries: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// Every folded term of the corpus, sorted (binary search, prefix ranges).
    pub terms: Vec<String>,
    /// For each term, its stem's index in `stems`.
    pub term_stem: Vec<u32>,
    /// Every stem, sorted; `stem_terms[i]` lists the terms with stem `stems[i]`.
    pub stems: Vec<String>,
    pub stem_terms: Vec<Vec<u32>>,
    /// For each term, its postings sorted by passage.
    pub postings: Vec<Vec<Posting>>,
    /// Parts, sorted: a part and the terms that contain it without being it.
    pub parts: Vec<(String, Vec<u32>)>,
    /// For each passage, its length in tokens per field.
    pub lengths: Vec<[u16; FIELD_COUNT]>,
    /// Average field lengths over passages with a non-empty field.
    pub avg_lengths: [f32; FIELD_COUNT],
    pub synonyms: Vec<SynonymGroup>,
}

impl Index {
    pub fn term_id(&self, term: &str) -> Option<u32> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok().map(|i| i as u32)
    }

    /// The terms with the given stem.
    pub fn terms_with_stem(&self, stem: &str) -> &[u32] {
        match self.stems.binary_search_by(|s| s.as_str().cmp(stem)) {
            Ok(i) => &self.stem_terms[i],
            Err(_) => &[],
        }
    }

    /// The terms that contain `part` as a compound part.
    pub fn terms_with_part(&self, part: &str) -> &[u32] {
        match self.parts.binary_search_by(|(p, _)| p.as_str().cmp(part)) {
            Ok(i) => &self.parts[i].1,
            Err(_) => &[],
        }
    }

    /// The ids of the terms starting with `prefix`: a contiguous range of the sorted terms.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<u32> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let len = self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start as u32..(start + len) as u32
    }

    /// Number of passages a term occurs in.
    pub fn document_frequency(&self, term: u32) -> usize {
        self.postings[term as usize].len()
    }

    /// The posting of `term` for `passage`, if the term occurs there.
    pub fn posting(&self, term: u32, passage: u32) -> Option<&Posting> {
        let list = &self.postings[term as usize];
        list.binary_search_by_key(&passage, |p| p.passage).ok().map(|i| &list[i])
    }

    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("an index always serialises: strings, numbers and lists")
    }

    pub fn decode(bytes: &[u8]) -> Result<Index, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}
