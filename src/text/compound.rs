//! Compound words: which words of the vocabulary a longer term is made of.
//!
//! Dutch writes compounds as one word (`jeugdzorg`, `zorgaanbieders`, `Participatiewet`), and a
//! reader searching for `zorg` expects to find them. There is no dictionary: the corpus is its
//! own dictionary, and this step runs at index time only, once per distinct term.
//!
//! Terms:
//! - the *vocabulary* is every term and stem of the corpus that can stand on its own: at least
//!   3 letters, not a stop word, not a number;
//! - a *part* of a term is a vocabulary word inside it, other than the term itself or its
//!   stem; the term reads `before + part + after`;
//! - a part is a *form* when nothing stands before it and only an inflection ending after it
//!   (`werk|t`): another form of the same word rather than a compound;
//! - a *linking element* (`s`, `e`, `en`) may join two words: `beleid|s|medewerkers`,
//!   `ouder|en|organisaties`.
//!
//! The rule. A vocabulary word is a part when both of its sides could be words:
//! 1. a part inside the term (something on both sides) has at least 4 letters;
//! 2. *before* is empty, a vocabulary word (with or without a linking element), or — for a
//!    part of 4 letters or more — 5 letters or more: a modifier the corpus does not use on its
//!    own (`mantel|zorgers`);
//! 3. *after* is empty, an inflection ending (`-en`, `-ers`, `-s`, ...), a vocabulary word
//!    (with or without a linking element before it), or — for a part of 4 letters or more —
//!    5 letters or more that are not only derivational suffixes (`regel|geving`, but not
//!    `werk|elijkheid` or `regel|matig`);
//! 4. a 3-letter part needs a vocabulary word on its other side and nothing else: `wet` is a
//!    part of `participatie|wet` but not of `wet|houder`, nor of `wet|en`.
//!
//! The rule errs on the side of finding: a reader who searches `zorg` and also sees
//! `zorgvuldig` ranked low loses less than one who never sees `mantelzorgers`.

use std::collections::HashSet;

use super::is_stop_word;

/// What a part is to the term that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PartKind {
    /// The term is the part with an inflection ending (`werkt` for `werk`).
    Form,
    /// The term is a compound with the part in it (`jeugdzorg` for `zorg`).
    Compound,
}

/// A vocabulary word found inside a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'t> {
    pub word: &'t str,
    pub kind: PartKind,
}

/// Parts shorter than this are never looked for.
pub const MIN_PART_CHARS: usize = 3;
/// Parts with something on both sides need this many letters.
pub const MIN_INNER_PART_CHARS: usize = 4;
/// An unknown word beside a part must have this many letters to count as a word.
pub const MIN_UNKNOWN_SIDE_CHARS: usize = 5;

/// Dutch inflection endings that may follow a word (`zorg|en`, `aanbied|ers`, `regel|s`).
const ENDINGS: &[&str] = &[
    "d", "de", "den", "e", "en", "er", "ere", "eren", "ers", "es", "ing", "ingen", "je", "jes",
    "s", "t", "te", "ten", "tje", "tjes",
];

/// Derivational suffixes: what follows a word to make another word of it, not a compound
/// (`werk|elijk|heid`, `regel|matig`).
const DERIVATIONS: &[&str] = &[
    "aal", "achtig", "baar", "dom", "eel", "elijk", "erig", "heid", "heden", "ief", "iev", "ig",
    "isch", "iteit", "lijk", "loos", "loz", "matig", "nis", "schap", "zaam", "zam",
];

/// Linking elements between the words of a compound.
const LINKS: &[&str] = &["s", "e", "en"];

/// Finds parts against the vocabulary of one corpus.
#[derive(Debug, Clone, Default)]
pub struct Decompounder<'v> {
    vocabulary: HashSet<&'v str>,
}

impl<'v> Decompounder<'v> {
    /// A decompounder over `words` (the corpus terms and their stems); words that cannot stand
    /// on their own (short, stop words, numbers) are left out.
    pub fn new(words: impl IntoIterator<Item = &'v str>) -> Self {
        let vocabulary = words.into_iter().filter(|w| can_stand_alone(w)).collect();
        Decompounder { vocabulary }
    }

    /// The parts of `term` (whose stem is `stem`), in order of position, longest first where
    /// two start together; each word once.
    pub fn parts<'t>(&self, term: &'t str, stem: &str) -> Vec<Part<'t>> {
        let bounds: Vec<usize> = term.char_indices().map(|(i, _)| i).chain([term.len()]).collect();
        let mut parts: Vec<Part<'t>> = Vec::new();
        for (a, &start) in bounds.iter().enumerate() {
            for &end in bounds.get(a + MIN_PART_CHARS..).unwrap_or_default().iter().rev() {
                let word = &term[start..end];
                if (start == 0 && end == term.len())
                    || word == stem
                    || !self.vocabulary.contains(word)
                {
                    continue;
                }
                let Some(kind) = self.kind(&term[..start], word, &term[end..]) else { continue };
                match parts.iter_mut().find(|p| p.word == word) {
                    Some(seen) => seen.kind = seen.kind.max(kind),
                    None => parts.push(Part { word, kind }),
                }
            }
        }
        parts
    }

    /// Whether `word` is a part of `before + word + after`, and which kind (rules 1–4).
    fn kind(&self, before: &str, word: &str, after: &str) -> Option<PartKind> {
        let letters = word.chars().count();
        let inside = !before.is_empty() && !after.is_empty();
        if inside && letters < MIN_INNER_PART_CHARS {
            return None;
        }
        // A term's end that is a derivational suffix is no word of it (`eigen|lijk`).
        if after.is_empty() && !before.is_empty() && is_derivation(word) {
            return None;
        }
        if letters < MIN_INNER_PART_CHARS {
            // Rule 4: a short word counts only beside another known word.
            let known_other_side = if before.is_empty() {
                self.known_after(after)
            } else {
                after.is_empty() && self.known_before(before)
            };
            return known_other_side.then_some(PartKind::Compound);
        }
        if before.is_empty() && ENDINGS.contains(&after) {
            return Some(PartKind::Form);
        }
        let before_ok = before.is_empty()
            || self.known_before(before)
            || before.chars().count() >= MIN_UNKNOWN_SIDE_CHARS;
        let after_ok = after.is_empty()
            || ENDINGS.contains(&after)
            || self.known_after(after)
            || (after.chars().count() >= MIN_UNKNOWN_SIDE_CHARS && !is_derivation(after));
        (before_ok && after_ok).then_some(PartKind::Compound)
    }

    /// A vocabulary word, possibly followed by a linking element.
    fn known_before(&self, before: &str) -> bool {
        self.vocabulary.contains(before)
            || LINKS
                .iter()
                .any(|l| before.strip_suffix(l).is_some_and(|w| self.vocabulary.contains(w)))
    }

    /// A vocabulary word, possibly preceded by a linking element. A derivational suffix is
    /// never the other word of a compound, even where the vocabulary holds it as a stem (`lijk`
    /// of `lijkt`): `eigenlijk` is neither `eigen` nor (its stem) `eig` with `en|lijk`.
    fn known_after(&self, after: &str) -> bool {
        let known = |w: &str| self.vocabulary.contains(w) && !is_derivation(w);
        known(after) || LINKS.iter().any(|l| after.strip_prefix(l).is_some_and(known))
    }
}

/// Whether a word may be a part or stand beside one.
fn can_stand_alone(word: &str) -> bool {
    word.chars().count() >= MIN_PART_CHARS
        && !is_stop_word(word)
        && !word.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `rest` is only derivational suffixes, perhaps with an inflection ending.
fn is_derivation(rest: &str) -> bool {
    DERIVATIONS.iter().any(|d| {
        rest.strip_prefix(d)
            .is_some_and(|r| r.is_empty() || ENDINGS.contains(&r) || is_derivation(r))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::stem;

    const VOCABULARY: &[&str] = &[
        "jeugd",
        "zorg",
        "aanbieders",
        "participatie",
        "wet",
        "regel",
        "werk",
        "beleid",
        "medewerkers",
        "samen",
        "ouder",
        "organisaties",
        "team",
        "wijk",
        "de",
        "2015",
        "net",
        "burger",
        "eigen",
        "eig",
        "lijk",
    ];

    /// Parts written as `word` for a compound part and `~word` for a form.
    #[track_caller]
    fn check(term: &str, expected: &[&str]) {
        let decompounder = Decompounder::new(VOCABULARY.iter().copied());
        let got: Vec<String> = decompounder
            .parts(term, &stem(term))
            .iter()
            .map(|p| match p.kind {
                PartKind::Form => format!("~{}", p.word),
                PartKind::Compound => p.word.to_string(),
            })
            .collect();
        assert_eq!(got, expected, "parts of {term:?}");
    }

    #[test]
    fn finds_the_words_compounds_are_made_of() {
        check("jeugdzorg", &["jeugd", "zorg"]);
        check("zorgaanbieders", &["zorg", "aanbieders"]);
        check("mantelzorgers", &["zorg"]);
        check("regelgeving", &["regel"]);
        check("participatiewet", &["participatie", "wet"]);
        check("beleidsmedewerkers", &["beleid", "medewerkers", "werk"]);
        check("ouderenorganisaties", &["ouder", "organisaties"]);
        check("wijkteams", &["wijk", "team"]);
        check("samenwerking", &["samen", "werk"]);
        check("netwerken", &["werk"]);
    }

    #[test]
    fn tells_forms_from_compounds() {
        check("werkt", &["~werk"]);
        check("burgertje", &["~burger"]);
    }

    #[test]
    fn refuses_what_only_looks_like_a_compound() {
        check("wethouder", &[]);
        check("weten", &[]);
        check("werkelijkheid", &[]);
        check("regelmatig", &[]);
        // `lijk` is in the vocabulary (the stem of `lijkt`), and still a suffix here.
        check("eigenlijk", &[]);
        check("verzorging", &[]);
        check("zorg", &[]);
        // The stem is a form already found by stemming, not a part.
        check("regels", &[]);
        // Stop words and numbers are no parts.
        check("dezorg", &[]);
        check("2015zorg", &[]);
        check("", &[]);
    }
}
