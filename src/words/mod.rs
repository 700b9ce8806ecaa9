//! Woorden: how each side uses a word, the words typical of each side, and where a side is
//! silent.
//!
//! Terms:
//! - a *side* is the passages of one stance (optimistisch, kritisch, gemengd); its *length*
//!   is the number of word tokens of their texts, so counts can be compared per 1 000 words;
//! - a *line* (keyword in context, as concordancers show it) is one occurrence of the word
//!   in a passage text with a few words on either side: byte offsets into the original text,
//!   found by the same analyser as search, so the word is found folded (`client` finds
//!   `cliënt`), in any form (`bezuiniging` finds `bezuinigingen`) and inside compounds
//!   (`zorg` finds `mantelzorgers`), and each line says which of these it is;
//! - a phrase (`eigen kracht`) matches its words in a row, each in any form;
//! - lines are ordered as in the texts, or by the word left (L1, then L2, L3) or right (R1,
//!   R2, R3) of the keyword, as AntConc sorts a concordance.
//!
//! The typical words ([`keyness`]) and the curated framing words are computed at build time
//! and embedded ([`table`]); the lines are found when asked, from every passage's tokens
//! analysed once.

pub mod keyness;
pub mod silence;
pub mod table;

use std::sync::OnceLock;

use crate::corpus::{Corpus, PassageIdx, Stance};
use crate::index::Index;
use crate::search::{Engine, MatchKind};
use crate::text::{analyze, is_stop_word, stem};

pub use keyness::{KeynessParams, Keyword, Keywords};
pub use silence::{Grid, Silence};
pub use table::Table;

/// Words of context on each side of the keyword.
pub const CONTEXT_WORDS: usize = 6;

/// Longer input is cut: a word or phrase of the texts is far shorter.
pub const MAX_WORD_CHARS: usize = 200;

/// How many suggestions an unknown word gets.
pub const MAX_SUGGESTIONS: usize = 3;

/// The order of the lines (`orde=` in the URL).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// As the lines stand in the texts.
    #[default]
    Text,
    /// By the words left of the keyword, nearest first (L1, L2, L3).
    Left,
    /// By the words right of the keyword, nearest first (R1, R2, R3).
    Right,
}

impl Order {
    pub const ALL: [Order; 3] = [Order::Text, Order::Left, Order::Right];

    pub fn id(self) -> &'static str {
        match self {
            Order::Text => "tekst",
            Order::Left => "links",
            Order::Right => "rechts",
        }
    }

    pub fn from_id(id: &str) -> Option<Order> {
        Order::ALL.into_iter().find(|o| o.id() == id)
    }
}

/// One occurrence of the word: `text[left..start]`, the keyword `text[start..end]`,
/// `text[end..right]`, all byte offsets into its passage's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub passage: PassageIdx,
    pub left: usize,
    pub start: usize,
    pub end: usize,
    pub right: usize,
    /// The term met (the first one, for a phrase).
    pub term: u32,
    /// How the word was met: [`MatchKind::Exact`], [`MatchKind::Stem`] (another form) or
    /// [`MatchKind::Compound`] (inside a longer word).
    pub kind: MatchKind,
}

impl Line {
    /// The left context, the keyword and the right context, as slices of `text`.
    pub fn parts<'t>(&self, text: &'t str) -> [&'t str; 3] {
        [&text[self.left..self.start], &text[self.start..self.end], &text[self.end..self.right]]
    }
}

/// The lines of one side.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub stance: Stance,
    /// The side's length in words.
    pub words: u32,
    pub lines: Vec<Line>,
}

impl Side {
    /// How often the side uses the word.
    pub fn count(&self) -> usize {
        self.lines.len()
    }

    /// How often per 1 000 words of the side.
    pub fn per_thousand(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.lines.len() as f64 * 1000.0 / self.words as f64
        }
    }
}

/// A term the word was met as, with how and how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub term: String,
    pub kind: MatchKind,
    pub count: usize,
}

/// The answer for one word.
#[derive(Debug, Clone, PartialEq)]
pub struct Concordance {
    /// The word as asked, trimmed.
    pub word: String,
    /// Per side, in the order of [`Stance::ALL`].
    pub sides: [Side; 3],
    /// The terms met, the closest kind first, then the most frequent.
    pub forms: Vec<Form>,
    /// For a word the texts do not hold: words they do hold, like it.
    pub suggestions: Vec<String>,
}

impl Concordance {
    pub fn total(&self) -> usize {
        self.sides.iter().map(Side::count).sum()
    }
}

/// A number with one decimal, as Dutch writes it (`1,5`), rounded half up. Integer
/// arithmetic: formatting a float would link the standard library's float printing into the
/// app's wasm.
pub fn decimal(value: f64) -> String {
    let tenths = (value * 10.0 + 0.5) as u64;
    format!("{},{}", tenths / 10, tenths % 10)
}

/// A token of a passage text: its byte range and its term's id in the index.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: u32,
    end: u32,
    term: u32,
}

/// Every passage's text tokens, analysed once, with the sides' lengths.
pub struct Words<'a> {
    engine: &'a Engine<'a>,
    index: &'a Index<'a>,
    /// The tokens of all passages in corpus order (joined hyphen forms left out: their parts
    /// are tokens).
    tokens: Vec<Token>,
    /// Passage `p`'s tokens are `tokens[bounds[p]..bounds[p + 1]]`.
    bounds: Vec<u32>,
    lengths: [u32; 3],
}

impl<'a> Words<'a> {
    /// Over the corpus of `engine`, whose index is `index`.
    pub fn new(engine: &'a Engine<'a>, index: &'a Index<'a>) -> Self {
        let corpus = engine.corpus();
        let mut tokens = Vec::new();
        let mut bounds = Vec::with_capacity(corpus.passages.len() + 1);
        let mut lengths = [0; 3];
        for passage in &corpus.passages {
            bounds.push(tokens.len() as u32);
            let before = tokens.len();
            crate::text::Analyzer.each_token(&passage.text, |raw, term| {
                if !raw.joined {
                    tokens.push(Token {
                        start: raw.start as u32,
                        end: raw.end as u32,
                        // Every text token is indexed; u32::MAX would only mean "no term".
                        term: index.term_id(term).unwrap_or(u32::MAX),
                    });
                }
            });
            lengths[passage.stance as usize] += (tokens.len() - before) as u32;
        }
        bounds.push(tokens.len() as u32);
        Words { engine, index, tokens, bounds, lengths }
    }

    fn corpus(&self) -> &'a Corpus {
        self.engine.corpus()
    }

    fn index(&self) -> &'a Index<'a> {
        self.index
    }

    /// The sides' lengths in words, in the order of [`Stance::ALL`].
    pub fn lengths(&self) -> [u32; 3] {
        self.lengths
    }

    /// The lines of `input` (a word or a phrase) per side, in `order`. Any input is
    /// answered: one the texts do not hold gets no lines and, where they hold words like
    /// it, suggestions.
    pub fn lookup(&self, input: &str, order: Order) -> Concordance {
        let word: String = input.trim().chars().take(MAX_WORD_CHARS).collect();
        let terms: Vec<String> =
            analyze(&word).into_iter().filter(|t| !t.joined).map(|t| t.term).collect();
        let mut lines = match terms.len() {
            0 => Vec::new(),
            1 => self.word_lines(&terms[0]),
            _ => self.phrase_lines(&terms),
        };
        self.order(&mut lines, order);
        let mut sides = Stance::ALL.map(|stance| Side {
            stance,
            words: self.lengths[stance as usize],
            lines: Vec::new(),
        });
        for line in &lines {
            sides[self.corpus().passages[line.passage as usize].stance as usize].lines.push(*line);
        }
        let forms = self.forms(&lines);
        let suggestions = if lines.is_empty() { self.suggest(&terms) } else { Vec::new() };
        Concordance { word, sides, forms, suggestions }
    }

    /// The keyword's byte ranges per passage, for marking it in the reading view.
    pub fn marks(&self, input: &str) -> Vec<(PassageIdx, Vec<(usize, usize)>)> {
        let mut out: Vec<(PassageIdx, Vec<(usize, usize)>)> = Vec::new();
        let concordance = self.lookup(input, Order::Text);
        let mut lines: Vec<Line> =
            concordance.sides.iter().flat_map(|s| s.lines.iter().copied()).collect();
        crate::sort::sort_by_key(&mut lines, |l| (l.passage as u64) << 32 | l.start as u64);
        for line in lines {
            match out.last_mut() {
                Some((p, marks)) if *p == line.passage => marks.push((line.start, line.end)),
                _ => out.push((line.passage, vec![(line.start, line.end)])),
            }
        }
        out
    }

    /// The terms a single word meets, each with how, sorted by term id.
    fn word_terms(&self, word: &str) -> Vec<(u32, MatchKind)> {
        let index = self.index();
        let word_stem = stem(word);
        let mut found: Vec<(u32, MatchKind)> = index
            .terms_with_stem(&word_stem)
            .iter()
            .map(|&id| {
                (id, if index.term(id) == word { MatchKind::Exact } else { MatchKind::Stem })
            })
            .collect();
        for part in [word, word_stem.as_str()] {
            for &code in index.part_codes(part) {
                let id = code >> 1;
                if !found.iter().any(|&(t, _)| t == id) {
                    let kind = if code & 1 == 1 { MatchKind::Stem } else { MatchKind::Compound };
                    found.push((id, kind));
                }
            }
        }
        crate::sort::sort_by_key(&mut found, |&(id, _)| id as u64);
        found
    }

    fn word_lines(&self, word: &str) -> Vec<Line> {
        let terms = self.word_terms(word);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut lines = Vec::new();
        for p in 0..self.corpus().passages.len() {
            let (from, to) = (self.bounds[p] as usize, self.bounds[p + 1] as usize);
            for i in from..to {
                let term = self.tokens[i].term;
                if let Ok(at) = terms.binary_search_by_key(&term, |&(t, _)| t) {
                    lines.push(self.line(p, i, i, terms[at].1));
                }
            }
        }
        lines
    }

    fn phrase_lines(&self, words: &[String]) -> Vec<Line> {
        let index = self.index();
        let stems: Vec<&[u32]> = words.iter().map(|w| index.terms_with_stem(&stem(w))).collect();
        if stems.iter().any(|s| s.is_empty()) {
            return Vec::new();
        }
        let mut lines = Vec::new();
        for p in 0..self.corpus().passages.len() {
            let (from, to) = (self.bounds[p] as usize, self.bounds[p + 1] as usize);
            for i in from..to.saturating_sub(words.len() - 1) {
                let window = &self.tokens[i..i + words.len()];
                if window.iter().zip(&stems).all(|(t, s)| s.contains(&t.term)) {
                    let exact = window.iter().zip(words).all(|(t, w)| index.term(t.term) == w);
                    let kind = if exact { MatchKind::Exact } else { MatchKind::Stem };
                    lines.push(self.line(p, i, i + words.len() - 1, kind));
                }
            }
        }
        lines
    }

    /// The line of tokens `first..=last` of passage `p`, with its context.
    fn line(&self, p: usize, first: usize, last: usize, kind: MatchKind) -> Line {
        let (from, to) = (self.bounds[p] as usize, self.bounds[p + 1] as usize);
        let left = first.saturating_sub(CONTEXT_WORDS).max(from);
        let right = (last + CONTEXT_WORDS).min(to - 1);
        Line {
            passage: p as PassageIdx,
            left: self.tokens[left].start as usize,
            start: self.tokens[first].start as usize,
            end: self.tokens[last].end as usize,
            right: self.tokens[right].end as usize,
            term: self.tokens[first].term,
            kind,
        }
    }

    /// Reorders the lines (corpus order as found) by the words beside the keyword.
    fn order(&self, lines: &mut Vec<Line>, order: Order) {
        // Term ids follow the sorted vocabulary, so they order words alphabetically (folded).
        let key = |line: &Line, step: isize| -> u64 {
            let p = line.passage as usize;
            let (from, to) = (self.bounds[p] as isize, self.bounds[p + 1] as isize);
            let first = self.tokens[from as usize..to as usize]
                .iter()
                .position(|t| t.start as usize == line.start)
                .map_or(from, |i| from + i as isize);
            let last = self.tokens[from as usize..to as usize]
                .iter()
                .position(|t| t.end as usize == line.end)
                .map_or(first, |i| from + i as isize);
            let mut key = 0u64;
            for n in 1..=3isize {
                let at = if step < 0 { first - n } else { last + n };
                let id = if at >= from && at < to {
                    (self.tokens[at as usize].term as u64 + 1).min((1 << 21) - 1)
                } else {
                    0
                };
                key = key << 21 | id;
            }
            key
        };
        match order {
            Order::Text => {}
            Order::Left => crate::sort::sort_by_key(lines, |l| key(l, -1)),
            Order::Right => crate::sort::sort_by_key(lines, |l| key(l, 1)),
        }
    }

    /// The terms the lines met: the closest kind first, then the most frequent.
    fn forms(&self, lines: &[Line]) -> Vec<Form> {
        let mut counted: Vec<(u32, MatchKind, usize)> = Vec::new();
        for line in lines {
            match counted.iter_mut().find(|(t, _, _)| *t == line.term) {
                Some(entry) => entry.2 += 1,
                None => counted.push((line.term, line.kind, 1)),
            }
        }
        crate::sort::sort_by_key(&mut counted, |&(term, kind, n)| {
            (kind as u64) << 56 | (u32::MAX as u64 - n as u64) << 24 | (term as u64 & 0xff_ffff)
        });
        counted
            .into_iter()
            .map(|(term, kind, count)| Form {
                term: self.index().term(term).to_string(),
                kind,
                count,
            })
            .collect()
    }

    /// Words of the texts like an unknown one: longer words that start with it (it may be
    /// half typed), else near spellings; the most used first.
    fn suggest(&self, terms: &[String]) -> Vec<String> {
        let index = self.index();
        let Some(last) = terms.last().filter(|t| t.chars().count() >= 2) else {
            return Vec::new();
        };
        let head = terms[..terms.len() - 1].join(" ");
        let with_head =
            |t: &str| if head.is_empty() { t.to_string() } else { format!("{head} {t}") };
        let mut completions: Vec<u32> =
            index.prefix_range(last).filter(|&t| !is_stop_word(index.term(t))).collect();
        crate::sort::sort_by_key(&mut completions, |&t| {
            (u32::MAX - index.document_frequency(t) as u32) as u64
        });
        let mut out: Vec<String> =
            completions.iter().take(MAX_SUGGESTIONS).map(|&t| with_head(index.term(t))).collect();
        if out.is_empty() {
            let query = crate::search::parse(last);
            out = self
                .engine
                .suggestions(&query, MAX_SUGGESTIONS)
                .iter()
                .map(|t| with_head(t))
                .collect();
        }
        out
    }
}

/// The embedded words table, from build.rs.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.bin"));

/// The typical words and the framing words, decoded once on first use. The bytes come from
/// build.rs and the same types, so they always decode (tests/it checks it).
pub fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        Table::decode(EMBEDDED)
            .unwrap_or_else(|_| panic!("words.bin is written by build.rs from these same types"))
    })
}

/// The embedded corpus's tokens for the Woorden view, analysed once on first use.
pub fn words() -> &'static Words<'static> {
    static WORDS: OnceLock<Words<'static>> = OnceLock::new();
    WORDS.get_or_init(|| Words::new(crate::engine(), crate::index()))
}

/// Size of the embedded words table in bytes, for size reports.
pub fn embedded_size() -> usize {
    EMBEDDED.len()
}
