//! Loading a corpus folder: parse every file, check the whole, and assemble the [`Corpus`].
//!
//! Checks that need more than one file live here: theme names, duplicate ids, references from
//! key questions and the glossary, every theme in use, and fidelity to the source texts (every
//! title, heading and passage occurs word for word in its source, and every line of the source
//! is either in the corpus or listed as removed).

// Native only (build.rs, tests, the command-line tool): the one-sort rule of clippy.toml is for
// the wasm.
#![allow(clippy::disallowed_methods)]

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use super::error::{CorpusError, CorpusErrors, ErrorKind};
use super::model::*;
use super::parse::*;

/// Reads and validates the corpus in `dir`; on failure returns every error found.
pub fn load_dir(dir: &Path) -> Result<Corpus, CorpusErrors> {
    let mut errors = Vec::new();
    let corpus = Loader { dir, errors: &mut errors }.load();
    if errors.is_empty() {
        Ok(corpus)
    } else {
        Err(CorpusErrors(errors))
    }
}

/// Every file the build reads, so build.rs can ask Cargo to watch them.
pub fn input_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = vec![
        dir.join("themes.toml"),
        dir.join("kernvragen.toml"),
        dir.join("glossary.toml"),
        dir.join("synonyms.toml"),
        dir.join("framing.toml"),
    ];
    for sub in ["documents", "sources"] {
        if let Ok(entries) = fs::read_dir(dir.join(sub)) {
            files.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    files.sort();
    files
}

struct Loader<'a> {
    dir: &'a Path,
    errors: &'a mut Vec<CorpusError>,
}

impl Loader<'_> {
    fn name(&self, rel: &str) -> String {
        self.dir.join(rel).display().to_string()
    }

    fn error(
        &mut self,
        kind: ErrorKind,
        file: &str,
        line: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.errors.push(CorpusError::new(kind, file, line, message, help));
    }

    fn read(&mut self, rel: &str) -> Option<(String, String)> {
        let file = self.name(rel);
        match fs::read_to_string(self.dir.join(rel)) {
            Ok(text) => Some((file, text)),
            Err(e) => {
                self.error(
                    ErrorKind::Io,
                    &file,
                    0,
                    format!("cannot read the file: {e}"),
                    "create it; corpus/README.md shows its format",
                );
                None
            }
        }
    }

    fn load(mut self) -> Corpus {
        let themes = self.load_themes();
        let theme_index: HashMap<String, ThemeIdx> =
            themes.iter().enumerate().map(|(i, t)| (t.id.clone(), i as ThemeIdx)).collect();
        let (documents, passages) = self.load_documents(&theme_index);
        // With errors above, passages may be missing: an unused theme would be a false alarm.
        if self.errors.is_empty() {
            self.check_themes_used(&themes, &passages);
        }
        let passage_index: HashMap<&str, PassageIdx> =
            passages.iter().enumerate().map(|(i, p)| (p.id.as_str(), i as PassageIdx)).collect();
        // A passage in a file with errors may be missing: do not call references to it wrong.
        let all_passages_loaded = self.errors.is_empty();
        let kernvragen = self.load_kernvragen(&passage_index, &passages, all_passages_loaded);
        let glossary = self.load_glossary();
        let synonyms = self.load_synonyms();
        Corpus { themes, documents, passages, kernvragen, glossary, synonyms }
    }

    fn load_themes(&mut self) -> Vec<Theme> {
        let Some((file, text)) = self.read("themes.toml") else { return Vec::new() };
        let parsed: ThemesFile = match parse_toml(&text, &file, 1) {
            Ok(parsed) => parsed,
            Err(e) => {
                self.errors.push(e);
                return Vec::new();
            }
        };
        if parsed.theme.is_empty() {
            self.error(
                ErrorKind::MissingField,
                &file,
                0,
                "no themes",
                "add [[theme]] entries with id, label and description",
            );
        }
        let mut seen = HashSet::new();
        let mut themes = Vec::new();
        for theme in parsed.theme {
            let line = line_of_offset(&text, theme.id.span().start);
            let id = theme.id.into_inner();
            if !self.check_id(&file, line, &id, "theme", &mut seen) {
                continue;
            }
            self.require_text(&file, &text, &theme.label, "label");
            self.require_text(&file, &text, &theme.description, "description");
            themes.push(Theme {
                id,
                label: theme.label.into_inner(),
                description: theme.description.into_inner(),
            });
        }
        // Filters keep a passage's themes in a 64-bit set.
        if themes.len() > 64 {
            self.error(
                ErrorKind::InvalidValue,
                &file,
                0,
                "more than 64 themes",
                "keep the vocabulary small: merge themes",
            );
        }
        themes
    }

    /// Checks an id's spelling and uniqueness; false if the record should be dropped.
    fn check_id(
        &mut self,
        file: &str,
        line: usize,
        id: &str,
        what: &str,
        seen: &mut HashSet<String>,
    ) -> bool {
        if !is_valid_id(id) {
            self.errors.push(invalid_id(file, line, id));
            return false;
        }
        if !seen.insert(id.to_string()) {
            self.error(
                ErrorKind::DuplicateId,
                file,
                line,
                format!("duplicate {what} id \"{id}\""),
                format!("give this {what} an id of its own"),
            );
            return false;
        }
        true
    }

    fn require_text(&mut self, file: &str, text: &str, value: &toml::Spanned<String>, field: &str) {
        if value.get_ref().trim().is_empty() {
            let line = line_of_offset(text, value.span().start);
            self.error(
                ErrorKind::InvalidValue,
                file,
                line,
                format!("empty {field}"),
                format!("write the {field}"),
            );
        }
    }

    fn load_documents(
        &mut self,
        themes: &HashMap<String, ThemeIdx>,
    ) -> (Vec<Document>, Vec<Passage>) {
        let dir = self.dir.join("documents");
        let mut names: Vec<String> = match fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".md"))
                .collect(),
            Err(e) => {
                let file = self.name("documents");
                self.error(
                    ErrorKind::Io,
                    &file,
                    0,
                    format!("cannot read the folder: {e}"),
                    "create corpus/documents/ with one .md file per document",
                );
                return (Vec::new(), Vec::new());
            }
        };
        names.sort();
        if names.is_empty() {
            let file = self.name("documents");
            self.error(
                ErrorKind::Io,
                &file,
                0,
                "no documents",
                "add a document file; corpus/README.md shows the format",
            );
        }

        let mut documents: Vec<Document> = Vec::new();
        let mut passages: Vec<Passage> = Vec::new();
        let mut doc_ids = HashSet::new();
        let mut passage_ids = HashSet::new();
        for name in names {
            let Some((file, text)) = self.read(&format!("documents/{name}")) else { continue };
            let errors_before = self.errors.len();
            let raw = parse_document_file(&file, &text, self.errors);
            let mut source: Option<Source> = None;
            let mut article: Option<DocIdx> = None;
            for voice in raw.voices {
                let doc_idx = documents.len() as DocIdx;
                let Some(mut document) = self.document_of(&voice, &mut doc_ids, &mut source) else {
                    continue;
                };
                match (&voice.front, article) {
                    (Front::Article(_), _) => article = Some(doc_idx),
                    (Front::Comment(_), Some(parent)) => {
                        document.parent = Some(parent);
                        documents[parent as usize].comments.push(doc_idx);
                        document.source = documents[parent as usize].source.clone();
                    }
                    (Front::Comment(_), None) => continue, // the article's own error was reported
                }
                document.first_passage = passages.len() as PassageIdx;
                for raw_passage in voice.passages {
                    if !self.check_id(
                        &file,
                        raw_passage.at.line,
                        &raw_passage.id,
                        "passage",
                        &mut passage_ids,
                    ) {
                        continue;
                    }
                    let themes = self.resolve_themes(&raw_passage, themes);
                    if let Some(source) = &mut source {
                        // In source order, so a sentence the source runs across two passages is found.
                        if let Some(heading) = &raw_passage.heading {
                            source.check_text(
                                self.errors,
                                &file,
                                raw_passage.at.line,
                                "heading",
                                heading,
                            );
                        }
                        source.check_text(
                            self.errors,
                            &file,
                            raw_passage.at.line,
                            "passage",
                            &raw_passage.text,
                        );
                    }
                    passages.push(Passage {
                        id: raw_passage.id,
                        document: doc_idx,
                        heading: raw_passage.heading,
                        text: raw_passage.text,
                        stance: raw_passage.stance,
                        themes,
                    });
                }
                document.passage_count = passages.len() as u32 - document.first_passage;
                if document.passage_count == 0 {
                    self.error(
                        ErrorKind::EmptyPassage,
                        &file,
                        voice.at.line,
                        format!("\"{}\" has no passages", document.id),
                        "add its text as passages below the front matter",
                    );
                }
                documents.push(document);
            }
            // Text dropped by an error above would show up as lost: report only the first cause.
            if let Some(source) = source.filter(|_| self.errors.len() == errors_before) {
                source.check_coverage(self.errors, &file);
            }
        }
        (documents, passages)
    }

    /// Builds a document from a voice's front matter, checking its fields; for an article also
    /// opens its source text.
    fn document_of(
        &mut self,
        voice: &RawVoice,
        ids: &mut HashSet<String>,
        source: &mut Option<Source>,
    ) -> Option<Document> {
        let file = voice.at.file.clone();
        let one_sided = match &voice.front {
            Front::Article(f) => f.one_sided.clone(),
            Front::Comment(f) => f.one_sided.clone(),
        };
        let (id_spanned, kind, title, publisher, date, date_note, authors, quoted) = match &voice
            .front
        {
            Front::Article(front) => {
                let kind_line = voice.line_of(front.kind.span());
                let kind = match Kind::from_id(front.kind.get_ref()) {
                    Some(kind) if kind != Kind::Reactie => kind,
                    _ => {
                        self.error(
                            ErrorKind::InvalidValue,
                            &file,
                            kind_line,
                            format!("unknown kind \"{}\"", front.kind.get_ref()),
                            "use nieuws, opinie or persbericht (reader comments start with `+++ reactie`)",
                        );
                        Kind::Nieuws
                    }
                };
                let date = front.date.as_ref().and_then(|d| {
                    let parsed = Date::parse(d.get_ref());
                    if parsed.is_none() {
                        let line = voice.line_of(d.span());
                        self.error(ErrorKind::InvalidValue, &file, line, format!("date \"{}\" is not YYYY-MM-DD, YYYY-MM or YYYY", d.get_ref()), "write the date as the text gives it, for example \"2017-10-31\", or leave it out");
                    }
                    parsed
                });
                let source_line = voice.line_of(front.source.span());
                *source = Source::open(self, &file, source_line, front.source.get_ref(), front);
                if let Some(source) = source {
                    source.check_text(
                        self.errors,
                        &file,
                        voice.line_of(front.title.span()),
                        "title",
                        front.title.get_ref(),
                    );
                }
                let people = |list: &[PersonFront]| {
                    list.iter()
                        .map(|p| Person { name: p.name.clone(), role: p.role.clone() })
                        .collect()
                };
                (
                    &front.id,
                    kind,
                    Some(front.title.get_ref().clone()),
                    front.publisher.clone(),
                    date,
                    front.date_note.clone(),
                    people(&front.authors),
                    people(&front.quoted),
                )
            }
            Front::Comment(front) => {
                if let Some(source) = source {
                    source.removed.extend(front.byline.iter().map(|l| normalize_space(l)));
                }
                let author = Person { name: front.author.clone(), role: front.role.clone() };
                (&front.id, Kind::Reactie, None, None, None, None, vec![author], Vec::new())
            }
        };
        let line = voice.line_of(id_spanned.span());
        if !self.check_id(&file, line, id_spanned.get_ref(), "document", ids) {
            return None;
        }
        Some(Document {
            id: id_spanned.get_ref().clone(),
            title,
            kind,
            publisher,
            date,
            date_note,
            authors,
            quoted,
            parent: None,
            comments: Vec::new(),
            first_passage: 0,
            passage_count: 0,
            source: source.as_ref().map(|s| s.name.clone()).unwrap_or_default(),
            one_sided: one_sided.filter(|r| !r.trim().is_empty()),
        })
    }

    fn resolve_themes(
        &mut self,
        passage: &RawPassage,
        themes: &HashMap<String, ThemeIdx>,
    ) -> Vec<ThemeIdx> {
        let mut resolved = Vec::new();
        for name in &passage.themes {
            match themes.get(name) {
                Some(&idx) if !resolved.contains(&idx) => resolved.push(idx),
                Some(_) => {}
                None => {
                    let mut known: Vec<&str> = themes.keys().map(String::as_str).collect();
                    known.sort();
                    self.error(
                        ErrorKind::UnknownTheme,
                        &passage.at.file,
                        passage.at.line,
                        format!("unknown theme \"{name}\" in passage \"{}\"", passage.id),
                        format!(
                            "use a theme from corpus/themes.toml ({}), or add it there",
                            known.join(", ")
                        ),
                    );
                }
            }
        }
        resolved
    }

    fn check_themes_used(&mut self, themes: &[Theme], passages: &[Passage]) {
        let file = self.name("themes.toml");
        for (idx, theme) in themes.iter().enumerate() {
            if !passages.iter().any(|p| p.themes.contains(&(idx as ThemeIdx))) {
                self.error(
                    ErrorKind::UnusedTheme,
                    &file,
                    0,
                    format!("theme \"{}\" is used by no passage", theme.id),
                    "annotate passages with it, or remove it from the vocabulary",
                );
            }
        }
    }

    fn load_kernvragen(
        &mut self,
        index: &HashMap<&str, PassageIdx>,
        passages: &[Passage],
        complete: bool,
    ) -> Vec<KeyQuestion> {
        let Some((file, text)) = self.read("kernvragen.toml") else { return Vec::new() };
        let parsed: KernvragenFile = match parse_toml(&text, &file, 1) {
            Ok(parsed) => parsed,
            Err(e) => {
                self.errors.push(e);
                return Vec::new();
            }
        };
        let mut seen = HashSet::new();
        let mut questions = Vec::new();
        for kv in parsed.kernvraag {
            let line = line_of_offset(&text, kv.id.span().start);
            let id = kv.id.get_ref().clone();
            if !self.check_id(&file, line, &id, "kernvraag", &mut seen) {
                continue;
            }
            self.require_text(&file, &text, &kv.question, "question");
            self.require_text(&file, &text, &kv.intro, "intro");
            let mut resolved = Vec::new();
            for name in kv.passages.get_ref() {
                match index.get(name.get_ref().as_str()) {
                    Some(&idx) => resolved.push(idx),
                    None if !complete => {}
                    None => self.error(
                        ErrorKind::UnknownReference,
                        &file,
                        line_of_offset(&text, name.span().start),
                        format!(
                            "kernvraag \"{id}\" names passage \"{}\", which does not exist",
                            name.get_ref()
                        ),
                        "use the id of a passage in corpus/documents/ (the word after `:::`)",
                    ),
                }
            }
            let all_resolved = resolved.len() == kv.passages.get_ref().len();
            for (stance, word) in
                [(Stance::Optimistisch, "optimistisch"), (Stance::Kritisch, "kritisch")]
            {
                if all_resolved && !resolved.iter().any(|&p| passages[p as usize].stance == stance)
                {
                    self.error(
                        ErrorKind::OneSided,
                        &file,
                        line_of_offset(&text, kv.passages.span().start),
                        format!("kernvraag \"{id}\" has no {word} passage"),
                        "a key question pairs both sides: add a passage with that stance that answers it",
                    );
                }
            }
            questions.push(KeyQuestion {
                id,
                question: kv.question.into_inner(),
                intro: kv.intro.into_inner(),
                passages: resolved,
            });
        }
        if questions.is_empty() {
            self.error(
                ErrorKind::MissingField,
                &file,
                0,
                "no key questions",
                "add [[kernvraag]] entries",
            );
        }
        questions
    }

    fn load_glossary(&mut self) -> Vec<Term> {
        let Some((file, text)) = self.read("glossary.toml") else { return Vec::new() };
        let parsed: GlossaryFile = match parse_toml(&text, &file, 1) {
            Ok(parsed) => parsed,
            Err(e) => {
                self.errors.push(e);
                return Vec::new();
            }
        };
        let mut seen = HashSet::new();
        let mut kept = Vec::new();
        for term in parsed.term {
            let line = line_of_offset(&text, term.id.span().start);
            if self.check_id(&file, line, term.id.get_ref(), "term", &mut seen) {
                self.require_text(&file, &text, &term.term, "term");
                self.require_text(&file, &text, &term.explanation, "explanation");
                kept.push(term);
            }
        }
        let index: HashMap<String, TermIdx> =
            kept.iter().enumerate().map(|(i, t)| (t.id.get_ref().clone(), i as TermIdx)).collect();
        let mut glossary = Vec::new();
        for term in kept {
            let mut see_also = Vec::new();
            for other in &term.see_also {
                match index.get(other.get_ref()) {
                    Some(&idx) => see_also.push(idx),
                    None => self.error(
                        ErrorKind::UnknownReference,
                        &file,
                        line_of_offset(&text, other.span().start),
                        format!(
                            "term \"{}\" links to \"{}\", which is not in the glossary",
                            term.id.get_ref(),
                            other.get_ref()
                        ),
                        "use the id of another [[term]], or add that term",
                    ),
                }
            }
            glossary.push(Term {
                id: term.id.into_inner(),
                term: term.term.into_inner(),
                aliases: term
                    .aliases
                    .into_iter()
                    .map(|a| a.into_inner())
                    .filter(|a| !a.trim().is_empty())
                    .collect(),
                explanation: term.explanation.into_inner(),
                see_also,
            });
        }
        glossary
    }
}

impl Loader<'_> {
    /// The synonym groups of `synonyms.toml`; the file is optional (no synonyms).
    fn load_synonyms(&mut self) -> Vec<Vec<String>> {
        if !self.dir.join("synonyms.toml").exists() {
            return Vec::new();
        }
        let Some((file, text)) = self.read("synonyms.toml") else { return Vec::new() };
        let parsed: SynonymsFile = match parse_toml(&text, &file, 1) {
            Ok(parsed) => parsed,
            Err(e) => {
                self.errors.push(e);
                return Vec::new();
            }
        };
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut groups = Vec::new();
        for group in parsed.synonym {
            let line = line_of_offset(&text, group.terms.span().start);
            let terms = group.terms.into_inner();
            if terms.len() < 2 {
                self.error(
                    ErrorKind::InvalidValue,
                    &file,
                    line,
                    "a synonym group needs at least two terms",
                    "list two or more words that mean the same, or remove the group",
                );
                continue;
            }
            for term in &terms {
                // Compared as search compares them: folded, word by word.
                let words = synonym_words(term.get_ref());
                let key = words.join(" ");
                let term_line = line_of_offset(&text, term.span().start);
                if words.is_empty() {
                    self.error(
                        ErrorKind::InvalidValue,
                        &file,
                        term_line,
                        format!("synonym \"{}\" has no letters or digits", term.get_ref()),
                        "write a word or a phrase",
                    );
                } else if words.iter().all(|w| crate::text::is_stop_word(w)) {
                    let message = format!("synonym \"{}\" is only very common words, so it would match nearly every passage", term.get_ref());
                    self.error(
                        ErrorKind::InvalidValue,
                        &file,
                        term_line,
                        message,
                        "write a word or phrase that says what the group means",
                    );
                } else if let Some(first) = seen.insert(key, term_line) {
                    self.error(
                        ErrorKind::DuplicateId,
                        &file,
                        term_line,
                        format!(
                            "\"{}\" is already in the synonym group at line {first}",
                            term.get_ref()
                        ),
                        "keep each word in one group: merge the groups or remove it here",
                    );
                }
            }
            groups.push(terms.into_iter().map(|t| t.into_inner().trim().to_string()).collect());
        }
        groups
    }
}

/// The folded words of a synonym entry, as the index stores them.
fn synonym_words(entry: &str) -> Vec<String> {
    crate::text::analyze(entry).into_iter().filter(|t| !t.joined).map(|t| t.term).collect()
}

/// Collapses every run of whitespace (including no-break spaces) into one space and trims.
pub fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A source text and what a document file says it kept and removed of it.
struct Source {
    name: String,
    /// The source's path as shown in messages.
    shown: String,
    file_line: (String, usize),
    /// The whole source with whitespace normalised.
    text: String,
    /// The source's non-empty lines, normalised, with their line numbers.
    lines: Vec<(usize, String)>,
    /// Byline and boilerplate lines, normalised.
    removed: HashSet<String>,
    /// Everything the document file took from the source, normalised and joined.
    kept: String,
}

impl Source {
    fn open(
        loader: &mut Loader,
        file: &str,
        line: usize,
        name: &str,
        front: &ArticleFront,
    ) -> Option<Source> {
        let plain = !name.is_empty() && !name.contains(['/', '\\']) && name != "." && name != "..";
        let text =
            plain.then(|| fs::read_to_string(loader.dir.join("sources").join(name)).ok()).flatten();
        let Some(text) = text else {
            loader.error(
                ErrorKind::Io,
                file,
                line,
                format!("source \"{name}\" is not a file in corpus/sources/"),
                "put the captured source text in corpus/sources/ and give its file name",
            );
            return None;
        };
        // A source saved with a byte-order mark (as Windows editors do): the mark is not text,
        // and left in it would make line 1 look lost. Document files drop it too (`parse`).
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, normalize_space(l)))
            .filter(|(_, l)| !l.is_empty())
            .collect();
        let removed =
            front.byline.iter().chain(&front.boilerplate).map(|l| normalize_space(l)).collect();
        Some(Source {
            name: name.to_string(),
            shown: loader.name(&format!("sources/{name}")),
            file_line: (file.to_string(), line),
            text: normalize_space(text),
            lines,
            removed,
            kept: String::new(),
        })
    }

    /// Checks that `text` occurs word for word in the source, and remembers it as kept.
    fn check_text(
        &mut self,
        errors: &mut Vec<CorpusError>,
        file: &str,
        line: usize,
        what: &str,
        text: &str,
    ) {
        let text = normalize_space(text);
        if !self.text.contains(&text) {
            errors.push(CorpusError::new(
                ErrorKind::NotInSource,
                file,
                line,
                format!("{what} does not occur word for word in {}: \"{}\"", self.shown, excerpt(&text)),
                "copy the text exactly from the source (spelling and punctuation included); only line breaks may differ",
            ));
        }
        self.kept.push_str(&text);
        self.kept.push(' ');
    }

    /// Checks that no sentence of the source was lost: every non-empty line is removed on
    /// purpose (byline, boilerplate) or each of its sentences is in the document.
    fn check_coverage(&self, errors: &mut Vec<CorpusError>, file: &str) {
        for (number, line) in &self.lines {
            if self.removed.contains(line) {
                continue;
            }
            if let Some(lost) = sentences(line).find(|s| !self.kept.contains(s)) {
                errors.push(CorpusError::new(
                    ErrorKind::LostFromSource,
                    &self.file_line.0,
                    self.file_line.1,
                    format!("line {number} of {} is not in {file}: \"{}\"", self.shown, excerpt(lost)),
                    "add the sentence to a passage, or list the whole line under `byline` or `boilerplate` if it is not part of the text",
                ));
            }
        }
    }
}

/// The start of a text for a message: at most 60 characters, with an ellipsis if cut.
fn excerpt(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Splits a line into sentences at `.`, `!`, `?` or `…` followed by a space.
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .char_indices()
            .find(|&(i, c)| {
                matches!(c, '.' | '!' | '?' | '…') && rest[i + c.len_utf8()..].starts_with(' ')
            })
            .map_or(rest.len(), |(i, c)| i + c.len_utf8());
        let (sentence, tail) = rest.split_at(end);
        rest = tail.trim_start();
        Some(sentence.trim())
    })
    .filter(|s| !s.is_empty())
}
