//! The search index, built once from the corpus by build.rs and embedded in the binary.
//!
//! Terms:
//! - a *field* is a part of what describes a passage: its text, the section heading it
//!   stands under, its document's title, and the people (authors, people quoted, roles);
//! - a *posting* says how often a term occurs in each field of one passage;
//! - the *vocabulary* is every folded term of the corpus, sorted; a term's id is its place
//!   in it;
//! - a *part* is a word the corpus also uses on its own, found inside a longer term (`zorg`
//!   in `jeugdzorg`), as decided by [`crate::text::compound`];
//! - a *listed phrase* is a multi-word entry of the synonym list (`lagere kosten`); its
//!   postings are precomputed like a term's, so matching it costs a lookup instead of
//!   reading passage texts.
//!
//! Everything here is computed at build time; the browser only decodes it. Decoding borrows
//! the largest table, the postings, from the embedded bytes instead of copying it, and writes
//! out the front-coded vocabulary (see [`format`]).

mod build;
pub mod format;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use build::build;
pub use format::{Posting, Postings};

use crate::corpus::Corpus;
use crate::text::analyze;
use format::{Groups, PostingLists, StemTable, Strings, TermIds};

/// The fields of a passage, in the order of [`Posting::tf`] and [`Index::lengths`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Text = 0,
    Heading = 1,
    Title = 2,
    People = 3,
}

pub const FIELD_COUNT: usize = 4;

/// Bumped whenever the layout changes, so old bytes are refused instead of misread.
pub const FORMAT_VERSION: u16 = 5;

/// A curated group of words that mean the same here (`wmo`, `wet maatschappelijke
/// ondersteuning`). Each entry is held as its folded terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymGroup {
    pub entries: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index<'a> {
    version: u16,
    /// The vocabulary, sorted.
    terms: Strings,
    /// For each term, its postings sorted by passage.
    #[serde(borrow)]
    postings: PostingLists<'a>,
    /// The terms grouped by stem.
    #[serde(borrow)]
    stems: StemTable<'a>,
    /// The parts that are terms themselves, by term id (most are: `zorg`, `regel`), ascending.
    term_parts: TermIds,
    /// The other parts (stems and words of the glossary: `bezuinig`), sorted.
    other_parts: Strings,
    /// For each part, the terms that hold it: the term parts' groups, then the others'. Each
    /// term as `id << 1 | 1` for a form, `id << 1` for a compound.
    part_terms: Groups,
    /// The listed phrases, their terms joined by spaces, sorted (not stored: decoding takes
    /// them from the synonym list, see [`phrase_table`]), with their postings in the
    /// text field (the count is how often the phrase occurs).
    #[serde(skip)]
    phrases: Strings,
    #[serde(borrow)]
    phrase_postings: PostingLists<'a>,
    /// For each passage, its length in tokens per field.
    lengths: Vec<[u16; FIELD_COUNT]>,
    /// Average field lengths over passages with a non-empty field.
    avg_lengths: [f32; FIELD_COUNT],
    /// The corpus's synonym groups, folded. Not stored: the corpus holds them as written, and
    /// decoding folds them again (see [`Index::decode`]).
    #[serde(skip)]
    synonyms: Vec<SynonymGroup>,
}

/// Why embedded index bytes could not be used.
#[derive(Debug)]
pub enum DecodeError {
    /// The bytes are not an index of this layout (cut short, another version, not postcard).
    Format(postcard::Error),
    /// The bytes decode, but the tables contradict each other.
    Inconsistent(&'static str),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Format(e) => write!(f, "not a search index of this version: {e}"),
            DecodeError::Inconsistent(what) => write!(f, "inconsistent search index: {what}"),
        }
    }
}

impl std::error::Error for DecodeError {}

impl<'a> Index<'a> {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("an index always serialises: strings, numbers and lists")
    }

    /// Decodes bytes written by [`Index::encode`], borrowing the postings from them, with
    /// the synonym groups of the corpus it was built from, as written.
    pub fn decode(bytes: &'a [u8], synonyms: &[Vec<String>]) -> Result<Index<'a>, DecodeError> {
        let version = bytes.first().copied().map(u16::from);
        if version != Some(FORMAT_VERSION) {
            return Err(DecodeError::Inconsistent("another format version"));
        }
        let mut index: Index<'a> = postcard::from_bytes(bytes).map_err(DecodeError::Format)?;
        index.synonyms = synonym_groups(synonyms);
        index.phrases = phrase_table(&index.synonyms);
        if !index.stems.check_and_link(&index.terms) {
            return Err(DecodeError::Inconsistent("the stem table does not fit the vocabulary"));
        }
        index.check()?;
        Ok(index)
    }

    /// The checks that make every lookup of the engine safe.
    fn check(&self) -> Result<(), DecodeError> {
        let terms = self.terms.len();
        let fail = |what| Err(DecodeError::Inconsistent(what));
        if self.postings.len() != terms || self.phrase_postings.len() != self.phrases.len() {
            return fail("posting lists and their strings differ in number");
        }
        if self.part_terms.len() != self.term_parts.len() + self.other_parts.len() {
            return fail("a group table and its parts differ in number");
        }
        if self.term_parts.last().is_some_and(|id| id as usize >= terms) {
            return fail("a part names a term that does not exist");
        }
        if self.part_terms.max_id().is_some_and(|id| (id >> 1) as usize >= terms) {
            return fail("a group names a term that does not exist");
        }
        Ok(())
    }

    /// Number of passages indexed.
    pub fn passage_count(&self) -> usize {
        self.lengths.len()
    }

    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    pub fn term(&self, id: u32) -> &str {
        self.terms.get(id)
    }

    /// The length of a term in bytes.
    pub fn term_len(&self, id: u32) -> usize {
        self.terms.byte_len(id)
    }

    pub fn term_id(&self, term: &str) -> Option<u32> {
        self.terms.find(term)
    }

    /// Every term, in id order.
    pub fn terms(&self) -> impl Iterator<Item = &str> + '_ {
        self.terms.iter()
    }

    /// The stem of a term of the vocabulary, as stemmed at build time: borrowed from the
    /// term when it is a start of it, as most stems are.
    pub fn stem_of(&self, term: u32) -> std::borrow::Cow<'_, str> {
        self.stems.stem_of(&self.terms, term)
    }

    /// The terms with the given stem.
    pub fn terms_with_stem(&self, stem: &str) -> &[u32] {
        self.stems.find(&self.terms, stem)
    }

    /// The terms that hold `part`, in term order, as stored: `id << 1 | 1` where the part is
    /// a form of the term, `id << 1` where the term is a compound with it.
    pub fn part_codes(&self, part: &str) -> &[u32] {
        self.part_codes_of(self.terms.find(part), part)
    }

    /// [`Index::part_codes`], with `part`'s term id (if it is a term) already looked up.
    pub fn part_codes_of(&self, id: Option<u32>, part: &str) -> &[u32] {
        let group = match id {
            Some(id) => self.term_parts.position(id),
            None => self.other_parts.find(part).map(|i| self.term_parts.len() as u32 + i),
        };
        group.map_or(&[], |g| self.part_terms.get(g))
    }

    /// The ids of the terms starting with `prefix`: a contiguous range of the sorted terms.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<u32> {
        self.terms.prefix_range(prefix)
    }

    /// A term's postings, in passage order.
    pub fn postings(&self, term: u32) -> Postings<'_> {
        self.postings.get(term)
    }

    /// Number of passages a term occurs in.
    pub fn document_frequency(&self, term: u32) -> usize {
        self.postings.count(term) as usize
    }

    /// The postings of the listed phrase at place `i` (see [`Index::listed_phrase_id`]).
    pub fn listed_phrase_postings(&self, i: u32) -> Postings<'_> {
        self.phrase_postings.get(i)
    }

    /// The place of a listed phrase among them, if it is one.
    pub fn listed_phrase_id(&self, terms: &[String]) -> Option<u32> {
        self.phrases.find_joined(terms)
    }

    /// The postings of every listed phrase, in the order of their places.
    pub fn listed_phrases(&self) -> impl Iterator<Item = Postings<'_>> + '_ {
        (0..self.phrases.len() as u32).map(|i| self.phrase_postings.get(i))
    }

    /// A passage's length in tokens per field.
    pub fn lengths(&self, passage: u32) -> &[u16; FIELD_COUNT] {
        &self.lengths[passage as usize]
    }

    pub fn avg_lengths(&self) -> &[f32; FIELD_COUNT] {
        &self.avg_lengths
    }

    pub fn synonyms(&self) -> &[SynonymGroup] {
        &self.synonyms
    }

    /// Sizes of the main tables in bytes, for reports: (terms, postings).
    pub fn table_sizes(&self) -> (usize, usize) {
        let terms: usize = self.terms.iter().map(str::len).sum();
        (terms, self.postings.byte_len())
    }
}

/// The synonym groups as the index uses them: each entry as its folded terms.
fn synonym_groups(written: &[Vec<String>]) -> Vec<SynonymGroup> {
    let entry = |e: &String| {
        analyze(e).into_iter().filter(|t| !t.joined).map(|t| t.term).collect::<Vec<_>>()
    };
    written
        .iter()
        .map(|group| SynonymGroup {
            entries: group.iter().map(entry).filter(|e| !e.is_empty()).collect(),
        })
        .collect()
}

/// The listed phrases: every entry of more than one term in the synonym groups, its terms
/// joined by spaces, sorted.
fn phrase_table(synonyms: &[SynonymGroup]) -> Strings {
    // Insertion into a sorted list: the list is short, and a sort of strings would add its
    // own copy of the sort routine to the wasm (see `crate::sort`).
    let mut phrases: Vec<String> = Vec::new();
    for phrase in
        synonyms.iter().flat_map(|g| &g.entries).filter(|e| e.len() > 1).map(|e| e.join(" "))
    {
        if let Err(at) = phrases.binary_search(&phrase) {
            phrases.insert(at, phrase);
        }
    }
    Strings::from_sorted(&phrases)
}

/// The texts of a passage's fields, in [`Field`] order: its text, the heading it stands
/// under, its article's title, and the people of its document with their roles. Indexing and
/// explaining a hit read the same fields through this one function.
pub fn field_texts(corpus: &Corpus, passage: usize) -> [Cow<'_, str>; FIELD_COUNT] {
    let p = &corpus.passages[passage];
    let doc = &corpus.documents[p.document as usize];
    let article = &corpus.documents[corpus.article_of(p.document) as usize];
    // The heading a passage stands under is the last one at or before it in its document.
    let first = (doc.first_passage as usize).min(passage);
    let heading = corpus.passages[first..=passage].iter().rev().find_map(|p| p.heading.as_deref());
    let people: Vec<String> = doc
        .authors
        .iter()
        .chain(&doc.quoted)
        .map(|p| match &p.role {
            Some(role) => format!("{} {role}", p.name),
            None => p.name.clone(),
        })
        .collect();
    [
        Cow::Borrowed(p.text.as_str()),
        Cow::Borrowed(heading.unwrap_or_default()),
        Cow::Borrowed(article.title.as_deref().unwrap_or_default()),
        Cow::Owned(people.join(" ")),
    ]
}
