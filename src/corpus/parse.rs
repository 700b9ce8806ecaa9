//! Reading corpus files into raw, unchecked records that remember their line numbers.
//!
//! Parsing checks what one file can tell on its own (syntax, field names, stance words, id
//! spelling); everything that needs the whole corpus (theme names, references, duplicates,
//! fidelity to the sources) is checked in `validate`. The format is described in
//! `corpus/README.md`.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::Spanned;

use super::error::{CorpusError, ErrorKind};
use super::model::Stance;

/// Where something was written: 1-based line in `file`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    pub file: String,
    pub line: usize,
}

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub at: At,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleFront {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub kind: Spanned<String>,
    pub publisher: Option<String>,
    pub date: Option<Spanned<String>>,
    pub date_note: Option<String>,
    /// Fields inferred from the page rather than read in the text: publisher, authors, date.
    #[serde(default)]
    pub inferred: Vec<Spanned<String>>,
    pub inferred_note: Option<String>,
    /// Who speaks, by name among authors and quoted; without it, the authors (or, with no
    /// authors, the people quoted).
    pub voices: Option<Vec<Spanned<String>>>,
    pub source: Spanned<String>,
    #[serde(default)]
    pub byline: Vec<String>,
    #[serde(default)]
    pub boilerplate: Vec<String>,
    #[serde(default)]
    pub authors: Vec<PersonFront>,
    #[serde(default)]
    pub quoted: Vec<PersonFront>,
    pub one_sided: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonFront {
    pub name: String,
    pub role: Option<String>,
    pub category: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommentFront {
    pub id: Spanned<String>,
    pub author: String,
    pub role: Option<String>,
    /// The kind of role the commenter writes from (`RoleKind`); the commenter is the voice.
    pub category: Spanned<String>,
    pub date_note: Option<String>,
    #[serde(default)]
    pub byline: Vec<String>,
    pub one_sided: Option<String>,
}

/// The front matter of a voice: the article at the top of a file, or a comment under it.
#[derive(Debug)]
pub enum Front {
    Article(Box<ArticleFront>),
    Comment(CommentFront),
}

#[derive(Debug)]
pub struct RawPassage {
    pub at: At,
    pub id: String,
    pub stance: Stance,
    /// Theme ids as written, resolved by `validate`.
    pub themes: Vec<String>,
    pub heading: Option<String>,
    pub text: String,
    /// The reason for the stance: a line `? …` right below the header.
    pub reason: Option<String>,
}

#[derive(Debug)]
pub struct RawVoice {
    /// The line of the voice's opening `+++`.
    pub at: At,
    /// The line where the front matter's TOML starts, for turning TOML spans into lines.
    pub front_first_line: usize,
    /// The front matter's TOML text, for turning spans into lines.
    pub front_text: String,
    pub front: Front,
    pub passages: Vec<RawPassage>,
}

impl RawVoice {
    /// The line of a span inside this voice's front matter.
    pub fn line_of(&self, span: std::ops::Range<usize>) -> usize {
        line_in(&self.front_text, self.front_first_line, span.start)
    }
}

/// One document file: an article and the comments under it.
#[derive(Debug)]
pub struct RawDocumentFile {
    pub file: String,
    pub voices: Vec<RawVoice>,
}

fn line_in(text: &str, first_line: usize, offset: usize) -> usize {
    let offset = offset.min(text.len());
    first_line + text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count()
}

/// Parses TOML into `T`, turning a TOML or serde error into a `CorpusError` at the right line.
pub fn parse_toml<T: DeserializeOwned>(
    text: &str,
    file: &str,
    first_line: usize,
) -> Result<T, CorpusError> {
    toml::from_str::<T>(text).map_err(|error| {
        let line = error.span().map_or(first_line, |span| line_in(text, first_line, span.start));
        let message = error.message().trim().to_string();
        let (kind, help) = if message.starts_with("unknown field") {
            (
                ErrorKind::UnknownField,
                "remove the field or correct its spelling; corpus/README.md lists the fields",
            )
        } else if message.starts_with("missing field") {
            (ErrorKind::MissingField, "add the field; corpus/README.md lists the required fields")
        } else {
            (
                ErrorKind::MalformedFrontMatter,
                "write valid TOML: key = \"value\", lists as [\"a\", \"b\"]",
            )
        };
        CorpusError::new(kind, file, line, message, help)
    })
}

/// True for ids made of lowercase letters, digits and single inner dashes.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

pub fn invalid_id(file: &str, line: usize, id: &str) -> CorpusError {
    CorpusError::new(
        ErrorKind::InvalidValue,
        file,
        line,
        format!("id \"{id}\" may only hold lowercase letters a-z, digits and single dashes"),
        "rename it, for example \"van-velzen-1\"",
    )
}

/// Parses one document file, pushing every error found into `errors`.
pub fn parse_document_file(
    file: &str,
    text: &str,
    errors: &mut Vec<CorpusError>,
) -> RawDocumentFile {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut doc = RawDocumentFile { file: file.to_string(), voices: Vec::new() };
    let mut body = BodyParser::new(file);
    let mut i = 0;

    // Everything before the first front matter may only be blank lines and curator notes.
    while i < lines.len() && is_skippable(lines[i]) {
        i += 1;
    }
    if lines.get(i).map(|l| l.trim_end()) != Some("+++") {
        errors.push(CorpusError::new(
            ErrorKind::MalformedFrontMatter,
            file,
            (i + 1).min(lines.len().max(1)),
            "a document file must start with front matter between two `+++` lines",
            "put `+++` on the first line, the TOML fields (id, title, kind, source, ...) below it, and `+++` again",
        ));
        return doc;
    }

    while i < lines.len() {
        let line = lines[i].trim_end();
        if line.starts_with("+++") {
            body.finish(errors, &mut doc.voices);
            let opener = line.trim_end();
            let is_comment = opener == "+++ reactie";
            if opener != "+++" && !is_comment {
                errors.push(CorpusError::new(
                    ErrorKind::MalformedFrontMatter,
                    file,
                    i + 1,
                    format!("unknown block opener `{opener}`"),
                    "start a reader comment with `+++ reactie`",
                ));
            } else if opener == "+++" && !doc.voices.is_empty() {
                errors.push(CorpusError::new(
                    ErrorKind::MalformedFrontMatter,
                    file,
                    i + 1,
                    "a second front matter block in the same file",
                    "a reader comment starts with `+++ reactie`; a new article needs a file of its own",
                ));
            }
            let open_line = i + 1;
            // A passage header or another block opener before the closing `+++` means the
            // closing line was forgotten.
            let close = (i + 1..lines.len())
                .find(|&j| lines[j].starts_with(":::") || lines[j].starts_with("+++"))
                .filter(|&j| lines[j].trim_end() == "+++");
            let Some(close) = close else {
                errors.push(CorpusError::new(
                    ErrorKind::MalformedFrontMatter,
                    file,
                    open_line,
                    "front matter is not closed",
                    "end the front matter with a line holding only `+++`",
                ));
                return doc;
            };
            let front_text = lines[i + 1..close].join("\n");
            let front = if is_comment {
                parse_toml::<CommentFront>(&front_text, file, open_line + 1).map(Front::Comment)
            } else {
                parse_toml::<ArticleFront>(&front_text, file, open_line + 1)
                    .map(|f| Front::Article(Box::new(f)))
            };
            match front {
                Ok(front) => body.start_voice(RawVoice {
                    at: At { file: file.to_string(), line: open_line },
                    front_first_line: open_line + 1,
                    front_text,
                    front,
                    passages: Vec::new(),
                }),
                Err(error) => {
                    errors.push(error);
                    body.skip_voice();
                }
            }
            i = close + 1;
            continue;
        }
        body.line(i + 1, line, errors);
        i += 1;
    }
    body.finish(errors, &mut doc.voices);
    doc
}

fn is_skippable(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('%')
}

/// The passage part of a document file, one line at a time.
struct BodyParser<'a> {
    file: &'a str,
    voice: Option<RawVoice>,
    /// Set after a voice's front matter failed to parse: its passages are still checked, then
    /// dropped, so one typo does not hide the errors below it.
    skipping: bool,
    heading: Option<String>,
    open: Option<RawPassage>,
    /// Set after a passage header failed: its text lines are dropped without further errors.
    swallowing: bool,
}

impl<'a> BodyParser<'a> {
    fn new(file: &'a str) -> Self {
        BodyParser {
            file,
            voice: None,
            skipping: false,
            heading: None,
            open: None,
            swallowing: false,
        }
    }

    fn start_voice(&mut self, voice: RawVoice) {
        self.voice = Some(voice);
        self.skipping = false;
        self.heading = None;
    }

    fn skip_voice(&mut self) {
        self.voice = None;
        self.skipping = true;
        self.heading = None;
    }

    fn line(&mut self, number: usize, line: &str, errors: &mut Vec<CorpusError>) {
        let trimmed = line.trim();
        if trimmed.starts_with('%') {
            return;
        }
        if trimmed.is_empty() {
            self.close_passage(errors);
            self.swallowing = false;
        } else if let Some(header) = trimmed.strip_prefix(":::") {
            self.close_passage(errors);
            self.open = self.passage_header(number, header, errors);
            self.swallowing = self.open.is_none();
            if self.swallowing {
                self.heading = None; // it belonged to the passage whose header was wrong
            }
        } else if trimmed == "##" || trimmed.starts_with("## ") {
            self.close_passage(errors);
            let heading = trimmed[2..].trim();
            if heading.is_empty() {
                errors.push(CorpusError::new(
                    ErrorKind::MalformedPassage,
                    self.file,
                    number,
                    "empty heading",
                    "write the heading's text after `## `, or remove the line",
                ));
            } else {
                self.heading = Some(heading.to_string());
            }
        } else if self.swallowing {
            // The text of a passage whose header was already reported as wrong.
        } else if trimmed == "?" || trimmed.starts_with("? ") {
            self.reason_line(number, trimmed[1..].trim(), errors);
        } else if let Some(passage) = &mut self.open {
            if !passage.text.is_empty() {
                passage.text.push('\n');
            }
            passage.text.push_str(trimmed);
        } else {
            errors.push(CorpusError::new(
                ErrorKind::MalformedPassage,
                self.file,
                number,
                "text outside a passage",
                "start the passage with a header line `::: id | stance | themes` (a blank line ends a passage)",
            ));
        }
    }

    /// A line `? reason` gives the stance's reason; it belongs right below the header.
    fn reason_line(&mut self, number: usize, reason: &str, errors: &mut Vec<CorpusError>) {
        let error = |message: &str, help: &str| {
            CorpusError::new(ErrorKind::MalformedPassage, self.file, number, message, help)
        };
        match &mut self.open {
            Some(passage) if passage.text.is_empty() && passage.reason.is_none() => {
                if reason.is_empty() {
                    errors.push(error(
                        "empty reason line",
                        "write why the passage has its stance after `? `, or remove the line",
                    ));
                } else {
                    passage.reason = Some(reason.to_string());
                }
            }
            Some(passage) => errors.push(error(
                &format!("reason line inside the text of passage \"{}\"", passage.id),
                "put the one reason line `? …` right below the passage header, before its text",
            )),
            None => errors.push(error(
                "reason line outside a passage",
                "put the reason line `? …` right below the header `::: id | stance | themes` of its passage",
            )),
        }
    }

    fn passage_header(
        &mut self,
        number: usize,
        header: &str,
        errors: &mut Vec<CorpusError>,
    ) -> Option<RawPassage> {
        parse_passage_header(self.file, number, header).map_err(|error| errors.push(error)).ok()
    }

    fn close_passage(&mut self, errors: &mut Vec<CorpusError>) {
        let Some(mut passage) = self.open.take() else { return };
        if passage.text.trim().is_empty() {
            errors.push(CorpusError::new(
                ErrorKind::EmptyPassage,
                self.file,
                passage.at.line,
                format!("passage \"{}\" has no text", passage.id),
                "put the passage's text on the lines right below its header, or remove the header",
            ));
            return;
        }
        passage.heading = self.heading.take();
        match &mut self.voice {
            Some(voice) => voice.passages.push(passage),
            None if self.skipping => {}
            None => unreachable!("the body parser starts only after the first front matter"),
        }
    }

    fn finish(&mut self, errors: &mut Vec<CorpusError>, voices: &mut Vec<RawVoice>) {
        self.close_passage(errors);
        if let Some(heading) = self.heading.take() {
            let line = self.voice.as_ref().map_or(0, |v| v.at.line);
            errors.push(CorpusError::new(
                ErrorKind::MalformedPassage,
                self.file,
                line,
                format!("heading \"{heading}\" is not followed by a passage"),
                "move the heading above the passage it introduces, or remove it",
            ));
        }
        if let Some(voice) = self.voice.take() {
            voices.push(voice);
        }
    }
}

fn parse_passage_header(
    file: &str,
    number: usize,
    header: &str,
) -> Result<RawPassage, CorpusError> {
    let parts: Vec<&str> = header.split('|').map(str::trim).collect();
    let fail = |kind, message: String, help: &str| {
        Err(CorpusError::new(kind, file, number, message, help))
    };
    let id = parts[0];
    if id.is_empty() {
        return fail(
            ErrorKind::MalformedPassage,
            "passage header without an id".into(),
            "write `::: id | stance | themes`",
        );
    }
    if !is_valid_id(id) {
        return Err(invalid_id(file, number, id));
    }
    const STANCE_HELP: &str =
        "write `::: id | stance | themes` with stance optimistisch, kritisch or gemengd";
    let (stance_text, themes_text) = match parts.len() {
        1 => {
            return fail(
                ErrorKind::MissingStance,
                format!("passage \"{id}\" has no stance"),
                STANCE_HELP,
            )
        }
        2 if Stance::from_id(parts[1]).is_none() => {
            return fail(
                ErrorKind::MissingStance,
                format!("passage \"{id}\" has no stance"),
                STANCE_HELP,
            )
        }
        2 => {
            return fail(
                ErrorKind::MalformedPassage,
                format!("passage \"{id}\" has no themes"),
                "add a comma-separated list of theme ids after a second `|`, or `-` for none",
            )
        }
        3 => (parts[1], parts[2]),
        _ => {
            return fail(
                ErrorKind::MalformedPassage,
                format!("passage \"{id}\" has more than three parts"),
                "write `::: id | stance | theme, theme`; themes are separated by commas",
            )
        }
    };
    let stance = match Stance::from_id(stance_text) {
        Some(stance) => stance,
        None if stance_text.is_empty() => {
            return fail(
                ErrorKind::MissingStance,
                format!("passage \"{id}\" has no stance"),
                STANCE_HELP,
            )
        }
        None => {
            return fail(
                ErrorKind::UnknownStance,
                format!("unknown stance \"{stance_text}\" for passage \"{id}\""),
                "use optimistisch, kritisch or gemengd",
            )
        }
    };
    let themes: Vec<String> = if themes_text == "-" {
        Vec::new()
    } else {
        themes_text.split(',').map(|t| t.trim().to_string()).collect()
    };
    if themes.iter().any(String::is_empty) {
        return fail(
            ErrorKind::MalformedPassage,
            format!("passage \"{id}\" has an empty theme in its list"),
            "separate theme ids by single commas, or write `-` for a passage without themes",
        );
    }
    Ok(RawPassage {
        at: At { file: file.to_string(), line: number },
        id: id.to_string(),
        stance,
        themes,
        heading: None,
        text: String::new(),
        reason: None,
    })
}

// The other corpus files: plain TOML lists.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemesFile {
    #[serde(default)]
    pub theme: Vec<ThemeFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeFront {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub description: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KernvragenFile {
    #[serde(default)]
    pub kernvraag: Vec<KernvraagFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KernvraagFront {
    pub id: Spanned<String>,
    pub question: Spanned<String>,
    pub intro: Spanned<String>,
    #[serde(default)]
    pub answer: Vec<AnswerFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerFront {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub passages: Spanned<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    #[serde(default)]
    pub term: Vec<TermFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermFront {
    pub id: Spanned<String>,
    pub term: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    pub explanation: Spanned<String>,
    /// Where the facts come from: a law and article, or a government page, by name.
    pub bron: Spanned<String>,
    #[serde(default)]
    pub see_also: Vec<Spanned<String>>,
}

/// The line of a byte offset in a whole TOML file.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    line_in(text, 1, offset)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymsFile {
    #[serde(default)]
    pub synonym: Vec<SynonymFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymFront {
    pub terms: Spanned<Vec<Spanned<String>>>,
}
