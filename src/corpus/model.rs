//! The corpus model: what the app knows about the texts after the build.
//!
//! A *document* is one voice: an article (news item, opinion piece, press release) or a reader
//! comment under it. A *passage* is a paragraph of a document, or a smaller run of its sentences
//! where one paragraph holds two positions; it is the unit that carries a stance and themes and
//! that search returns. Indices (`DocIdx`, `PassageIdx`, `ThemeIdx`, `TermIdx`) point into the
//! vectors of [`Corpus`]; the build validates every one, so the core may index with them freely.

use serde::{Deserialize, Serialize};

pub type DocIdx = u16;
pub type PassageIdx = u32;
pub type ThemeIdx = u8;
pub type TermIdx = u16;

/// The whole validated corpus. It never changes after the build.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub themes: Vec<Theme>,
    /// Articles and comments, each article directly followed by its comments.
    pub documents: Vec<Document>,
    /// All passages in reading order: a document's passages are contiguous.
    pub passages: Vec<Passage>,
    pub kernvragen: Vec<KeyQuestion>,
    pub glossary: Vec<Term>,
    /// Curated synonym and abbreviation groups for search, as written (`Wmo`,
    /// `Wet maatschappelijke ondersteuning`).
    pub synonyms: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub label: String,
    pub description: String,
}

/// A passage's position on the transition, as annotated by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stance {
    /// Sees chances, expects the transition to work, defends it.
    Optimistisch,
    /// Sees risks, obstacles, doubts or harm.
    Kritisch,
    /// Both at once, or a neutral description.
    Gemengd,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Optimistisch, Stance::Kritisch, Stance::Gemengd];

    /// The word used in corpus files and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Stance::Optimistisch => "optimistisch",
            Stance::Kritisch => "kritisch",
            Stance::Gemengd => "gemengd",
        }
    }

    /// The label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Stance::Optimistisch => "Optimistisch",
            Stance::Kritisch => "Kritisch",
            Stance::Gemengd => "Gemengd of neutraal",
        }
    }

    pub fn from_id(id: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// What kind of text a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Nieuws,
    Opinie,
    Persbericht,
    Reactie,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Nieuws, Kind::Opinie, Kind::Persbericht, Kind::Reactie];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Nieuws => "nieuws",
            Kind::Opinie => "opinie",
            Kind::Persbericht => "persbericht",
            Kind::Reactie => "reactie",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Nieuws => "Nieuws",
            Kind::Opinie => "Opinie",
            Kind::Persbericht => "Persbericht",
            Kind::Reactie => "Reactie",
        }
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// The kind of role a voice speaks from, as its role in the text shows it. It lets a reader
/// see who speaks on each side: officials, researchers, providers, readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RoleKind {
    /// Works for or governs a municipality, province or the state.
    Bestuur,
    /// Holds a political seat or party role (a council member, a faction member).
    Politiek,
    /// A researcher or research institute.
    Onderzoek,
    /// An adviser, or an advisory council.
    Advies,
    /// A care provider or a trade association of providers.
    Aanbieder,
    /// A journalist or a newsroom writing in its own name.
    Redactie,
    /// A resident or reader who names no other role.
    Inwoner,
    /// Writes under a pseudonym or no name.
    Anoniem,
}

impl RoleKind {
    pub const ALL: [RoleKind; 8] = [
        RoleKind::Bestuur,
        RoleKind::Politiek,
        RoleKind::Onderzoek,
        RoleKind::Advies,
        RoleKind::Aanbieder,
        RoleKind::Redactie,
        RoleKind::Inwoner,
        RoleKind::Anoniem,
    ];

    /// The word used in corpus files.
    pub fn id(self) -> &'static str {
        match self {
            RoleKind::Bestuur => "bestuur",
            RoleKind::Politiek => "politiek",
            RoleKind::Onderzoek => "onderzoek",
            RoleKind::Advies => "advies",
            RoleKind::Aanbieder => "aanbieder",
            RoleKind::Redactie => "redactie",
            RoleKind::Inwoner => "inwoner",
            RoleKind::Anoniem => "anoniem",
        }
    }

    /// The label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            RoleKind::Bestuur => "Bestuurder of ambtenaar",
            RoleKind::Politiek => "Politicus",
            RoleKind::Onderzoek => "Onderzoeker",
            RoleKind::Advies => "Adviseur of adviesraad",
            RoleKind::Aanbieder => "Zorgaanbieder of brancheorganisatie",
            RoleKind::Redactie => "Journalist of redactie",
            RoleKind::Inwoner => "Inwoner of lezer",
            RoleKind::Anoniem => "Anoniem",
        }
    }

    pub fn from_id(id: &str) -> Option<RoleKind> {
        RoleKind::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// A date as precise as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking ranges (not leap years: the day is
    /// checked against 31 and the month's length is the curator's care).
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let year = parse_fixed(parts.next()?, 4)?;
        let month = parts.next().map(|m| parse_fixed(m, 2)).map_or(Some(None), |m| m.map(Some))?;
        let day = parts.next().map(|d| parse_fixed(d, 2)).map_or(Some(None), |d| d.map(Some))?;
        if parts.next().is_some() || (month.is_none() && day.is_some()) {
            return None;
        }
        let month = month.map(|m| m as u8);
        let day = day.map(|d| d as u8);
        if month.is_some_and(|m| !(1..=12).contains(&m))
            || day.is_some_and(|d| !(1..=31).contains(&d))
        {
            return None;
        }
        Some(Date { year: year as u16, month, day })
    }

    /// The date in Dutch, as a reader expects it: "31 oktober 2017", "oktober 2017", "2017".
    pub fn dutch(&self) -> String {
        const MONTHS: [&str; 12] = [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ];
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }

    /// The machine-readable form for `<time datetime>`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

fn parse_fixed(digits: &str, len: usize) -> Option<u32> {
    if digits.len() == len && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// The role as the text gives it, if it gives one.
    pub role: Option<String>,
    /// The kind of that role, set by the curator from the role and the text.
    pub category: Option<RoleKind>,
}

/// Someone who speaks in a document: whose views its passages give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voice {
    pub name: String,
    pub role: RoleKind,
}

/// Which fields of a document we inferred from the page rather than read in its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inferred {
    pub publisher: bool,
    pub authors: bool,
    pub date: bool,
}

impl Inferred {
    /// The fields a document may mark as inferred, by the name used in corpus files.
    pub const FIELDS: [&'static str; 3] = ["publisher", "authors", "date"];

    pub fn any(self) -> bool {
        self.publisher || self.authors || self.date
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    /// Articles have a title; comments do not.
    pub title: Option<String>,
    pub kind: Kind,
    pub publisher: Option<String>,
    pub date: Option<Date>,
    /// What the text says about its own time when it gives no date, in our words.
    pub date_note: Option<String>,
    /// Writers named by the text (for a comment: the commenter).
    pub authors: Vec<Person>,
    /// People the text quotes.
    pub quoted: Vec<Person>,
    /// For a comment: the article it was written under.
    pub parent: Option<DocIdx>,
    /// For an article: its comments, in the order they appeared.
    pub comments: Vec<DocIdx>,
    /// This document's passages: `passages[first..first + count]` of the corpus.
    pub first_passage: PassageIdx,
    pub passage_count: u32,
    /// Who speaks in it: for a comment its author; for an article the people or bodies whose
    /// views it gives (its authors, unless the curator names others).
    pub voices: Vec<Voice>,
    /// Fields inferred from the page (a menu line, a credit) rather than read in the text.
    pub inferred: Inferred,
    /// How they were inferred, in our words.
    pub inferred_note: Option<String>,
    /// The file in `corpus/sources/` the text was curated from.
    pub source: String,
    /// Set when all the document's passages that take a side take the same one, with the
    /// curator's reason (an opinion piece, a one-line comment).
    pub one_sided: Option<String>,
}

impl Document {
    pub fn passage_range(&self) -> std::ops::Range<usize> {
        let first = self.first_passage as usize;
        first..first + self.passage_count as usize
    }

    pub fn is_comment(&self) -> bool {
        self.parent.is_some()
    }

    /// The people behind the document's voices, as the text names them (with their roles).
    pub fn voice_people(&self) -> Vec<Person> {
        self.voices
            .iter()
            .filter_map(|v| self.authors.iter().chain(&self.quoted).find(|p| p.name == v.name))
            .cloned()
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub id: String,
    pub document: DocIdx,
    /// The section heading the passage stands under, word for word from the source.
    pub heading: Option<String>,
    /// The text, word for word from the source; line breaks kept.
    pub text: String,
    pub stance: Stance,
    pub themes: Vec<ThemeIdx>,
    /// Why the passage has its stance, in one line, where that is not self-evident.
    pub reason: Option<String>,
}

/// A question the texts answer. Each passage under it gives one of its answers; its stance on
/// the transition is a separate matter and stays on the passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyQuestion {
    pub id: String,
    pub question: String,
    pub intro: String,
    /// One to three answers, in the order shown; every one has a passage. One answer alone
    /// means the texts agree.
    pub answers: Vec<Answer>,
}

/// One answer to a key question and the passages that give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub id: String,
    pub label: String,
    pub passages: Vec<PassageIdx>,
}

impl KeyQuestion {
    /// Every passage that answers the question, answer by answer.
    pub fn passages(&self) -> impl Iterator<Item = PassageIdx> + '_ {
        self.answers.iter().flat_map(|a| a.passages.iter().copied())
    }

    /// The answer a passage gives, if it answers the question.
    pub fn answer_of(&self, passage: PassageIdx) -> Option<usize> {
        self.answers.iter().position(|a| a.passages.contains(&passage))
    }
}

/// A glossary entry, written by us in plain Dutch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub id: String,
    pub term: String,
    /// Other spellings met in the texts.
    pub aliases: Vec<String>,
    pub explanation: String,
    /// Where the explanation's facts come from: a law and article, or a government page, by
    /// name (`bron` in the glossary file).
    pub source: String,
    pub see_also: Vec<TermIdx>,
}

impl Corpus {
    pub fn document(&self, id: &str) -> Option<(DocIdx, &Document)> {
        self.documents.iter().enumerate().find(|(_, d)| d.id == id).map(|(i, d)| (i as DocIdx, d))
    }

    pub fn passage(&self, id: &str) -> Option<(PassageIdx, &Passage)> {
        self.passages
            .iter()
            .enumerate()
            .find(|(_, p)| p.id == id)
            .map(|(i, p)| (i as PassageIdx, p))
    }

    /// Articles, in corpus order, without their comments.
    pub fn articles(&self) -> impl Iterator<Item = (DocIdx, &Document)> {
        self.documents
            .iter()
            .enumerate()
            .filter(|(_, d)| !d.is_comment())
            .map(|(i, d)| (i as DocIdx, d))
    }

    pub fn passages_of(&self, doc: &Document) -> &[Passage] {
        &self.passages[doc.passage_range()]
    }

    /// Passage counts per stance for a document, in the order of [`Stance::ALL`].
    pub fn stance_counts(&self, doc: &Document) -> [usize; 3] {
        let mut counts = [0; 3];
        for passage in self.passages_of(doc) {
            counts[passage.stance as usize] += 1;
        }
        counts
    }

    /// The document a passage belongs to, or for a comment, its article.
    pub fn article_of(&self, doc: DocIdx) -> DocIdx {
        self.documents[doc as usize].parent.unwrap_or(doc)
    }

    pub fn theme(&self, idx: ThemeIdx) -> &Theme {
        &self.themes[idx as usize]
    }
}
