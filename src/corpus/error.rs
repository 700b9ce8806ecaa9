//! Errors in corpus files, each naming the file, the line and what to do about it.

use std::fmt;

/// What went wrong, so tests and tools can tell errors apart without parsing messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file could not be read, or a required file is missing.
    Io,
    /// The `+++` front matter is missing, unterminated or not valid TOML.
    MalformedFrontMatter,
    /// A field the format does not know (often a typo).
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A field has a value outside what it allows (an id with capitals, a date like 31-10-2017).
    InvalidValue,
    UnknownTheme,
    MissingStance,
    UnknownStance,
    DuplicateId,
    EmptyPassage,
    /// A line of text that belongs to no passage, or a passage header that cannot be read.
    MalformedPassage,
    /// A key question, glossary entry or passage names an id that does not exist.
    UnknownReference,
    /// An answer to a key question that no passage gives.
    EmptyAnswer,
    /// A key question that fewer than two passages answer.
    TooFewAnswers,
    /// A theme that no passage uses.
    UnusedTheme,
    /// Text that does not occur word for word in its source file.
    NotInSource,
    /// A line of the source file that is neither in the corpus nor listed as removed.
    LostFromSource,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    pub kind: ErrorKind,
    /// The path as given to the loader joined with the file's name, e.g. `corpus/themes.toml`.
    pub file: String,
    /// 1-based; 0 when the error concerns the file as a whole.
    pub line: usize,
    pub message: String,
    /// What the curator should do.
    pub help: String,
}

impl CorpusError {
    pub fn new(
        kind: ErrorKind,
        file: &str,
        line: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        CorpusError {
            kind,
            file: file.to_string(),
            line,
            message: message.into(),
            help: help.into(),
        }
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "error: {}:{}: {}", self.file, self.line, self.message)?;
        } else {
            write!(f, "error: {}: {}", self.file, self.message)?;
        }
        if !self.help.is_empty() {
            write!(f, "\n  fix: {}", self.help)?;
        }
        Ok(())
    }
}

impl std::error::Error for CorpusError {}

/// All errors of one load, in file order; a curator sees every mistake at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusErrors(pub Vec<CorpusError>);

impl fmt::Display for CorpusErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "{error}")?;
        }
        let n = self.0.len();
        write!(f, "{n} error{} in the corpus", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for CorpusErrors {}
