//! `alledaags.toml`: everyday words people search with (`thuiszorg`, `uitkering`), each
//! mapped to the glossary terms and themes where the texts talk about it.
//!
//! The file is optional (a corpus without it has no everyday words). Checked here: the fields,
//! every target naming a glossary term or theme that exists, at least one target per word, no
//! word twice, and no word the glossary already holds as a term or alias (the glossary answers
//! that word itself). Words are compared as search compares them: folded and stemmed, word by
//! word, so `Uitkeringen` and `uitkering` are the same word.

// Native only (build.rs, tests, the command-line tool): std's sort costs the wasm nothing here.
#![allow(clippy::disallowed_methods)]

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::error::{CorpusError, ErrorKind};
use super::model::{EverydayWord, Term, TermIdx, Theme, ThemeIdx};
use super::parse::{line_of_offset, parse_toml};

/// The file's name in the corpus folder.
pub const FILE: &str = "alledaags.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EverydayFile {
    #[serde(default)]
    word: Vec<WordFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordFront {
    word: Spanned<String>,
    #[serde(default)]
    also: Vec<Spanned<String>>,
    #[serde(default)]
    terms: Vec<Spanned<String>>,
    #[serde(default)]
    themes: Vec<Spanned<String>>,
    note: Option<Spanned<String>>,
}

/// The key a word is compared by: its words' stems, joined by spaces.
pub fn word_key(text: &str) -> String {
    crate::text::analyze(text)
        .iter()
        .filter(|t| !t.joined)
        .map(|t| crate::text::stem(&t.term))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads `dir/alledaags.toml` (shown as `file` in messages) against the themes and glossary
/// already loaded. References are checked only against a list that loaded: with an empty
/// glossary (its file failed) every term would look unknown.
pub fn load(
    dir: &Path,
    file: &str,
    themes: &[Theme],
    glossary: &[Term],
    errors: &mut Vec<CorpusError>,
) -> Vec<EverydayWord> {
    let path = dir.join(FILE);
    if !path.exists() {
        return Vec::new();
    }
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            let help = "make the file readable, or remove it";
            errors.push(CorpusError::new(
                ErrorKind::Io,
                file,
                0,
                format!("cannot read: {e}"),
                help,
            ));
            return Vec::new();
        }
    };
    let parsed: EverydayFile = match parse_toml(&text, file, 1) {
        Ok(parsed) => parsed,
        Err(e) => {
            errors.push(e);
            return Vec::new();
        }
    };
    let mut check = Checker::new(file, &text, themes, glossary, errors);
    parsed.word.into_iter().filter_map(|front| check.word(front)).collect()
}

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    themes: HashMap<&'a str, ThemeIdx>,
    terms: HashMap<&'a str, TermIdx>,
    /// Every glossary name and alias by its key, with the term's id.
    glossary_names: HashMap<String, &'a str>,
    /// Every word and alternative seen so far by its key, with its line.
    seen: HashMap<String, usize>,
    errors: &'a mut Vec<CorpusError>,
}

impl<'a> Checker<'a> {
    fn new(
        file: &'a str,
        text: &'a str,
        themes: &'a [Theme],
        glossary: &'a [Term],
        errors: &'a mut Vec<CorpusError>,
    ) -> Self {
        let glossary_names = glossary
            .iter()
            .flat_map(|t| {
                std::iter::once(&t.term).chain(&t.aliases).map(|name| (word_key(name), &*t.id))
            })
            .filter(|(key, _)| !key.is_empty())
            .collect();
        Checker {
            file,
            text,
            themes: themes.iter().enumerate().map(|(i, t)| (&*t.id, i as ThemeIdx)).collect(),
            terms: glossary.iter().enumerate().map(|(i, t)| (&*t.id, i as TermIdx)).collect(),
            glossary_names,
            seen: HashMap::new(),
            errors,
        }
    }

    fn line<T>(&self, value: &Spanned<T>) -> usize {
        line_of_offset(self.text, value.span().start)
    }

    fn error(&mut self, kind: ErrorKind, line: usize, message: String, help: &str) {
        self.errors.push(CorpusError::new(kind, self.file, line, message, help));
    }

    fn word(&mut self, front: WordFront) -> Option<EverydayWord> {
        let line = self.line(&front.word);
        let errors_before = self.errors.len();
        for form in std::iter::once(&front.word).chain(&front.also) {
            self.form(form);
        }
        let terms: Vec<TermIdx> = front
            .terms
            .iter()
            .filter_map(|id| {
                let found = self.terms.get(id.get_ref().as_str()).copied();
                if found.is_none() && !self.terms.is_empty() {
                    let message = format!(
                        "\"{}\" points to term \"{}\", which is not in the glossary",
                        front.word.get_ref(),
                        id.get_ref()
                    );
                    let help = "use the id of a [[term]] in glossary.toml, or add that term";
                    self.error(ErrorKind::UnknownReference, self.line(id), message, help);
                }
                found
            })
            .collect();
        let themes: Vec<ThemeIdx> = front
            .themes
            .iter()
            .filter_map(|id| {
                let found = self.themes.get(id.get_ref().as_str()).copied();
                if found.is_none() && !self.themes.is_empty() {
                    let mut known: Vec<&str> = self.themes.keys().copied().collect();
                    known.sort_unstable();
                    let message = format!(
                        "\"{}\" points to theme \"{}\", which does not exist",
                        front.word.get_ref(),
                        id.get_ref()
                    );
                    let help = format!("use a theme id from themes.toml ({})", known.join(", "));
                    self.error(ErrorKind::UnknownTheme, self.line(id), message, &help);
                }
                found
            })
            .collect();
        if front.terms.is_empty() && front.themes.is_empty() {
            let message = format!("\"{}\" points nowhere", front.word.get_ref());
            let help =
                "add `terms = [...]` (glossary ids) or `themes = [...]` (theme ids), or both";
            self.error(ErrorKind::MissingField, line, message, help);
        }
        let note = match front.note {
            Some(note) if note.get_ref().trim().is_empty() => {
                let help = "write the note, or leave the field out";
                self.error(ErrorKind::InvalidValue, self.line(&note), "empty note".into(), help);
                None
            }
            note => note.map(|n| n.into_inner().trim().to_string()),
        };
        (self.errors.len() == errors_before).then(|| EverydayWord {
            word: front.word.into_inner().trim().to_string(),
            also: front.also.into_iter().map(|a| a.into_inner().trim().to_string()).collect(),
            terms,
            themes,
            note,
        })
    }

    /// Checks one written form: letters, not only stop words, not twice, not the glossary's.
    fn form(&mut self, form: &Spanned<String>) {
        let line = self.line(form);
        let written = form.get_ref();
        let words: Vec<_> =
            crate::text::analyze(written).into_iter().filter(|t| !t.joined).collect();
        let key = word_key(written);
        if words.is_empty() {
            let message = format!("\"{written}\" has no letters or digits");
            self.error(ErrorKind::InvalidValue, line, message, "write a word");
        } else if words.iter().all(|t| crate::text::is_stop_word(&t.term)) {
            let message =
                format!("\"{written}\" is only very common words, so it would match any search");
            self.error(ErrorKind::InvalidValue, line, message, "write the word people search for");
        } else if let Some(&term) = self.glossary_names.get(&key) {
            let message = format!(
                "\"{written}\" is already in the glossary (term \"{term}\"), which answers it"
            );
            let help = "remove it here; a search for it shows the glossary entry";
            self.error(ErrorKind::DuplicateId, line, message, help);
        } else if let Some(first) = self.seen.insert(key, line) {
            let message = format!("\"{written}\" is already listed at line {first}");
            let help = "keep each word once: remove it here or there";
            self.error(ErrorKind::DuplicateId, line, message, help);
        }
    }
}
