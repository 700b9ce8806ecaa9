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
        dir.join(super::everyday::FILE),
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
        let kernvragen = self.load_kernvragen(&passage_index, all_passages_loaded);
        let glossary = self.load_glossary();
        let synonyms = self.load_synonyms();
        let file = self.name(super::everyday::FILE);
        let everyday = super::everyday::load(self.dir, &file, &themes, &glossary, self.errors);
        Corpus { themes, documents, passages, kernvragen, glossary, synonyms, everyday }
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
                let page_intro: Vec<(String, usize)> = match &voice.front {
                    Front::Article(f) => f
                        .page_intro
                        .iter()
                        .map(|id| (id.get_ref().clone(), voice.line_of(id.span())))
                        .collect(),
                    Front::Comment(_) => Vec::new(),
                };
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
                    let page_intro = page_intro.iter().any(|(id, _)| *id == raw_passage.id);
                    passages.push(Passage {
                        id: raw_passage.id,
                        document: doc_idx,
                        heading: raw_passage.heading,
                        text: raw_passage.text,
                        stance: raw_passage.stance,
                        themes,
                        page_intro,
                        reason: raw_passage.reason,
                    });
                }
                for (id, line) in &page_intro {
                    if !passages[document.first_passage as usize..].iter().any(|p| p.id == *id) {
                        self.error(
                            ErrorKind::UnknownReference,
                            &file,
                            *line,
                            format!(
                                "page_intro names passage \"{id}\", which is not in this article"
                            ),
                            "name a passage of this article (the word after `:::`)",
                        );
                    }
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
        let (id_spanned, document) = match &voice.front {
            Front::Article(front) => (&front.id, self.article_of(voice, front, source)),
            Front::Comment(front) => {
                if let Some(source) = source {
                    source.removed.extend(front.byline.iter().map(|l| normalize_space(l)));
                }
                let line = voice.line_of(front.category.span());
                let category = self.category(&file, line, front.category.get_ref());
                let author = Person {
                    name: front.author.clone(),
                    role: front.role.clone(),
                    category: Some(category),
                };
                let document = Document {
                    kind: Kind::Reactie,
                    date_note: front.date_note.clone(),
                    voices: vec![Voice { name: author.name.clone(), role: category }],
                    authors: vec![author],
                    one_sided: front.one_sided.clone(),
                    ..empty_document(front.id.get_ref())
                };
                (&front.id, document)
            }
        };
        let line = voice.line_of(id_spanned.span());
        if !self.check_id(&file, line, id_spanned.get_ref(), "document", ids) {
            return None;
        }
        Some(Document {
            source: source.as_ref().map(|s| s.name.clone()).unwrap_or_default(),
            one_sided: document.one_sided.filter(|r| !r.trim().is_empty()),
            ..document
        })
    }

    /// An article's document: kind, date, people, who speaks and what was inferred, checked.
    fn article_of(
        &mut self,
        voice: &RawVoice,
        front: &ArticleFront,
        source: &mut Option<Source>,
    ) -> Document {
        let file = voice.at.file.clone();
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
        let authors = self.people(voice, &front.authors);
        let quoted = self.people(voice, &front.quoted);
        let voices = self.voices_of(voice, front, &authors, &quoted);
        let inferred = self.inferred(voice, front);
        Document {
            title: Some(front.title.get_ref().clone()),
            kind,
            publisher: front.publisher.clone(),
            date,
            date_note: front.date_note.clone(),
            authors,
            quoted,
            voices,
            inferred,
            inferred_note: front.inferred_note.clone().filter(|n| !n.trim().is_empty()),
            one_sided: front.one_sided.clone(),
            ..empty_document(front.id.get_ref())
        }
    }

    fn people(&mut self, voice: &RawVoice, list: &[PersonFront]) -> Vec<Person> {
        list.iter()
            .map(|p| Person {
                name: p.name.clone(),
                role: p.role.clone(),
                category: p
                    .category
                    .as_ref()
                    .map(|c| self.category(&voice.at.file, voice.line_of(c.span()), c.get_ref())),
            })
            .collect()
    }

    /// A role category by its id; an unknown one is reported (and read as anonymous, so the
    /// load goes on to find further errors).
    fn category(&mut self, file: &str, line: usize, id: &str) -> RoleKind {
        RoleKind::from_id(id).unwrap_or_else(|| {
            let known: Vec<&str> = RoleKind::ALL.iter().map(|r| r.id()).collect();
            self.error(
                ErrorKind::InvalidValue,
                file,
                line,
                format!("unknown category \"{id}\""),
                format!("use one of {}", known.join(", ")),
            );
            RoleKind::Anoniem
        })
    }

    /// Who speaks in an article: the names in `voices`, else its authors, else the people it
    /// quotes. Each must have a category.
    fn voices_of(
        &mut self,
        voice: &RawVoice,
        front: &ArticleFront,
        authors: &[Person],
        quoted: &[Person],
    ) -> Vec<Voice> {
        let file = &voice.at.file;
        let people = || authors.iter().chain(quoted);
        let speaking: Vec<&Person> = match &front.voices {
            Some(names) => names
                .iter()
                .filter_map(|name| {
                    let found = people().find(|p| &p.name == name.get_ref());
                    if found.is_none() {
                        self.error(
                            ErrorKind::UnknownReference,
                            file,
                            voice.line_of(name.span()),
                            format!("voice \"{}\" is not among the authors or quoted", name.get_ref()),
                            "name a person from [[authors]] or [[quoted]] exactly as written there, or add them",
                        );
                    }
                    found
                })
                .collect(),
            None if !authors.is_empty() => authors.iter().collect(),
            None => quoted.iter().collect(),
        };
        if speaking.is_empty() && front.voices.is_none() {
            self.error(
                ErrorKind::MissingField,
                file,
                voice.line_of(front.id.span()),
                format!("no one speaks in \"{}\"", front.id.get_ref()),
                "add the writer under [[authors]], or the people whose views it gives under [[quoted]]",
            );
        }
        let mut voices = Vec::new();
        for person in speaking {
            match person.category {
                Some(role) => voices.push(Voice { name: person.name.clone(), role }),
                None => self.error(
                    ErrorKind::MissingField,
                    file,
                    voice.line_of(front.id.span()),
                    format!(
                        "\"{}\" speaks in \"{}\" but has no category",
                        person.name,
                        front.id.get_ref()
                    ),
                    format!(
                        "add category = \"...\" to that person: one of {}",
                        RoleKind::ALL.iter().map(|r| r.id()).collect::<Vec<_>>().join(", ")
                    ),
                ),
            }
        }
        voices
    }

    /// The fields an article marks as inferred; each must be one that can be, and be there.
    fn inferred(&mut self, voice: &RawVoice, front: &ArticleFront) -> Inferred {
        let mut inferred = Inferred::default();
        for field in &front.inferred {
            let present = match field.get_ref().as_str() {
                "publisher" => front.publisher.is_some().then_some(&mut inferred.publisher),
                "authors" => (!front.authors.is_empty()).then_some(&mut inferred.authors),
                "date" => front.date.is_some().then_some(&mut inferred.date),
                _ => None,
            };
            match present {
                Some(flag) => *flag = true,
                None => self.error(
                    ErrorKind::InvalidValue,
                    &voice.at.file,
                    voice.line_of(field.span()),
                    format!("\"{}\" cannot be marked as inferred here", field.get_ref()),
                    format!(
                        "list only fields this document has, out of {}",
                        Inferred::FIELDS.join(", ")
                    ),
                ),
            }
        }
        let noted = front.inferred_note.as_ref().is_some_and(|n| !n.trim().is_empty());
        if inferred.any() != noted {
            let (message, help) = if noted {
                (
                    "an inferred_note without inferred fields",
                    "list the inferred fields in `inferred`, or remove the note",
                )
            } else {
                (
                    "inferred fields without an inferred_note",
                    "say in `inferred_note` how the fields were inferred from the page",
                )
            };
            self.error(
                ErrorKind::MissingField,
                &voice.at.file,
                voice.line_of(front.id.span()),
                message,
                help,
            );
        }
        inferred
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
            if kv.answer.is_empty() || kv.answer.len() > 3 {
                self.error(
                    ErrorKind::InvalidValue,
                    &file,
                    line,
                    format!("kernvraag \"{id}\" has {} answers", kv.answer.len()),
                    "give it one to three [[kernvraag.answer]] blocks (one alone means the texts agree)",
                );
            }
            let listed: usize = kv.answer.iter().map(|a| a.passages.get_ref().len()).sum();
            let answers = self.answers(&file, &text, &id, kv.answer, index, complete);
            let answered: usize = answers.iter().map(|a| a.passages.len()).sum();
            // Fewer than listed: an unknown passage, reported above; not a second error.
            if complete && answered < 2 && answered == listed && !answers.is_empty() {
                self.error(
                    ErrorKind::TooFewAnswers,
                    &file,
                    line,
                    format!("kernvraag \"{id}\" is answered by {answered} passage"),
                    "a key question needs at least two passages that answer it: add one, or drop the question",
                );
            }
            questions.push(KeyQuestion {
                id,
                question: kv.question.into_inner(),
                intro: kv.intro.into_inner(),
                answers,
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

    /// A key question's answers with their passages resolved: every answer has a passage, and
    /// no passage answers the question twice.
    fn answers(
        &mut self,
        file: &str,
        text: &str,
        question: &str,
        fronts: Vec<AnswerFront>,
        index: &HashMap<&str, PassageIdx>,
        complete: bool,
    ) -> Vec<Answer> {
        let mut ids = HashSet::new();
        let mut given: HashMap<PassageIdx, String> = HashMap::new();
        let mut answers = Vec::new();
        for answer in fronts {
            let line = line_of_offset(text, answer.id.span().start);
            let id = answer.id.get_ref().clone();
            if !self.check_id(file, line, &id, "answer", &mut ids) {
                continue;
            }
            self.require_text(file, text, &answer.label, "label");
            let mut passages = Vec::new();
            for name in answer.passages.get_ref() {
                let at = line_of_offset(text, name.span().start);
                match index.get(name.get_ref().as_str()) {
                    Some(&p) => match given.get(&p) {
                        Some(other) => self.error(
                            ErrorKind::DuplicateId,
                            file,
                            at,
                            format!("passage \"{}\" answers kernvraag \"{question}\" twice (\"{other}\" and \"{id}\")", name.get_ref()),
                            "a passage gives one answer to a question: keep it under the answer it gives",
                        ),
                        None => {
                            given.insert(p, id.clone());
                            passages.push(p);
                        }
                    },
                    None if !complete => {}
                    None => self.error(
                        ErrorKind::UnknownReference,
                        file,
                        at,
                        format!(
                            "kernvraag \"{question}\" names passage \"{}\", which does not exist",
                            name.get_ref()
                        ),
                        "use the id of a passage in corpus/documents/ (the word after `:::`)",
                    ),
                }
            }
            if passages.is_empty() && answer.passages.get_ref().is_empty() {
                self.error(
                    ErrorKind::EmptyAnswer,
                    file,
                    line_of_offset(text, answer.passages.span().start),
                    format!("answer \"{id}\" of kernvraag \"{question}\" has no passage"),
                    "add a passage that gives this answer, or remove the answer",
                );
            }
            answers.push(Answer { id, label: answer.label.into_inner(), passages });
        }
        answers
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
                self.require_text(&file, &text, &term.bron, "bron");
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
                source: term.bron.into_inner(),
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

/// A document with its id and nothing else yet, for the loader to fill in.
fn empty_document(id: &str) -> Document {
    Document {
        id: id.to_string(),
        title: None,
        kind: Kind::Nieuws,
        publisher: None,
        date: None,
        date_note: None,
        authors: Vec::new(),
        quoted: Vec::new(),
        voices: Vec::new(),
        inferred: Inferred::default(),
        inferred_note: None,
        parent: None,
        comments: Vec::new(),
        first_passage: 0,
        passage_count: 0,
        source: String::new(),
        one_sided: None,
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
