//! Each broken fixture in `tests/fixtures/broken/` stops the load with exactly the error a
//! curator needs: kind, file, line and message.

use verkenner::corpus::{load_dir, ErrorKind, RoleKind, Voice};

use crate::{fixture_with, root};

/// Loads the valid fixture with the broken case laid over it and checks the first error.
#[track_caller]
fn check(case: &str, kind: ErrorKind, file: &str, line: usize, message: &str) {
    let overlay = root().join("tests/fixtures/broken").join(case);
    assert!(overlay.is_dir(), "fixture {case} is missing");
    let dir = fixture_with(Some(&overlay), case);
    let errors = load_dir(&dir).expect_err(&format!("{case}: the broken corpus loaded"));
    let first = &errors.0[0];
    let shown = errors.to_string();
    assert_eq!(first.kind, kind, "{case}: wrong kind\n{shown}");
    assert_eq!(first.file, dir.join(file).display().to_string(), "{case}: wrong file\n{shown}");
    assert_eq!(first.line, line, "{case}: wrong line\n{shown}");
    assert!(first.message.contains(message), "{case}: message lacks {message:?}\n{shown}");
    assert!(!first.help.is_empty(), "{case}: no fix given\n{shown}");
    assert_eq!(errors.0.len(), 1, "{case}: one mistake should give one error\n{shown}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_valid_fixture_loads() {
    let dir = fixture_with(None, "valid");
    let corpus = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(corpus.documents.len(), 2);
    assert_eq!(corpus.passages.len(), 4);
    assert_eq!(corpus.documents[1].parent, Some(0), "the comment hangs under its article");
    assert_eq!(corpus.documents[0].comments, vec![1]);
    assert_eq!(corpus.passages[2].heading.as_deref(), Some("Over de zorg"));
    assert_eq!(corpus.passages[2].reason.as_deref(), Some("Een beschrijving, zonder oordeel."));
    assert_eq!(corpus.passages[1].reason, None);
    let (article, comment) = (&corpus.documents[0], &corpus.documents[1]);
    assert!(article.inferred.publisher && !article.inferred.authors && !article.inferred.date);
    assert_eq!(article.voices, vec![Voice { name: "Redactie".into(), role: RoleKind::Redactie }]);
    assert_eq!(comment.voices, vec![Voice { name: "Piet Jansen".into(), role: RoleKind::Bestuur }]);
    assert_eq!(comment.date_note.as_deref(), Some("Geschreven na het artikel."));
    let question = &corpus.kernvragen[0];
    let answers: Vec<(&str, usize)> =
        question.answers.iter().map(|a| (a.label.as_str(), a.passages.len())).collect();
    assert_eq!(answers, [("Ja", 2), ("Nee", 1)]);
    assert_eq!(question.answer_of(1), Some(1), "zorg-2 answers Nee");
    assert_eq!(corpus.glossary[1].source, "Gemeentewet, artikel 6");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn malformed_front_matter() {
    check(
        "malformed-front-matter",
        ErrorKind::MalformedFrontMatter,
        "documents/001-zorg.md",
        3,
        "invalid basic string",
    );
}

#[test]
fn unterminated_front_matter() {
    check(
        "unterminated-front-matter",
        ErrorKind::MalformedFrontMatter,
        "documents/001-zorg.md",
        1,
        "front matter is not closed",
    );
}

#[test]
fn unknown_field() {
    check(
        "unknown-field",
        ErrorKind::UnknownField,
        "documents/001-zorg.md",
        5,
        "unknown field `uitgever`",
    );
}

#[test]
fn missing_field() {
    check(
        "missing-field",
        ErrorKind::MissingField,
        "documents/001-zorg.md",
        2,
        "missing field `kind`",
    );
}

#[test]
fn unknown_kind() {
    check(
        "unknown-kind",
        ErrorKind::InvalidValue,
        "documents/001-zorg.md",
        4,
        "unknown kind \"blog\"",
    );
}

#[test]
fn invalid_date() {
    check(
        "invalid-date",
        ErrorKind::InvalidValue,
        "documents/001-zorg.md",
        6,
        "date \"december 2014\"",
    );
}

#[test]
fn unknown_theme() {
    check(
        "unknown-theme",
        ErrorKind::UnknownTheme,
        "documents/001-zorg.md",
        18,
        "unknown theme \"geldzaken\" in passage \"zorg-2\"",
    );
}

#[test]
fn missing_stance() {
    check(
        "missing-stance",
        ErrorKind::MissingStance,
        "documents/001-zorg.md",
        18,
        "passage \"zorg-2\" has no stance",
    );
}

#[test]
fn unknown_stance() {
    check(
        "unknown-stance",
        ErrorKind::UnknownStance,
        "documents/001-zorg.md",
        18,
        "unknown stance \"negatief\"",
    );
}

#[test]
fn duplicate_passage_id() {
    check(
        "duplicate-passage-id",
        ErrorKind::DuplicateId,
        "documents/001-zorg.md",
        23,
        "duplicate passage id \"zorg-2\"",
    );
}

#[test]
fn duplicate_theme_id() {
    check(
        "duplicate-theme-id",
        ErrorKind::DuplicateId,
        "themes.toml",
        12,
        "duplicate theme id \"geld\"",
    );
}

#[test]
fn invalid_id() {
    check("invalid-id", ErrorKind::InvalidValue, "documents/001-zorg.md", 23, "id \"Zorg_3\"");
}

#[test]
fn empty_passage() {
    check(
        "empty-passage",
        ErrorKind::EmptyPassage,
        "documents/001-zorg.md",
        18,
        "passage \"zorg-2\" has no text",
    );
}

#[test]
fn text_outside_passage() {
    check(
        "text-outside-passage",
        ErrorKind::MalformedPassage,
        "documents/001-zorg.md",
        26,
        "text outside a passage",
    );
}

#[test]
fn not_in_source() {
    check(
        "not-in-source",
        ErrorKind::NotInSource,
        "documents/001-zorg.md",
        18,
        "does not occur word for word",
    );
}

#[test]
fn lost_from_source() {
    check("lost-from-source", ErrorKind::LostFromSource, "documents/001-zorg.md", 7, "line 1 of");
}

/// Regression: a byte-order mark in front of a source stayed in its first line, so that line
/// never matched (a valid corpus was refused) and messages showed an invisible character.
#[test]
fn bom_in_source() {
    check(
        "bom-in-source",
        ErrorKind::LostFromSource,
        "documents/001-zorg.md",
        7,
        "001-zorg.md: \"Menu\"",
    );
}

#[test]
fn missing_source() {
    check(
        "missing-source",
        ErrorKind::Io,
        "documents/001-zorg.md",
        7,
        "source \"bestaat-niet.txt\"",
    );
}

#[test]
fn unused_theme() {
    check(
        "unused-theme",
        ErrorKind::UnusedTheme,
        "themes.toml",
        0,
        "theme \"jeugd\" is used by no passage",
    );
}

#[test]
fn kernvraag_unknown_passage() {
    check(
        "kernvraag-unknown-passage",
        ErrorKind::UnknownReference,
        "kernvragen.toml",
        9,
        "names passage \"zorg-9\"",
    );
}

#[test]
fn kernvraag_empty_answer() {
    check(
        "kernvraag-empty-answer",
        ErrorKind::EmptyAnswer,
        "kernvragen.toml",
        14,
        "answer \"nee\" of kernvraag \"lukt-het\" has no passage",
    );
}

#[test]
fn kernvraag_too_few() {
    check(
        "kernvraag-too-few",
        ErrorKind::TooFewAnswers,
        "kernvragen.toml",
        2,
        "kernvraag \"lukt-het\" is answered by 1 passage",
    );
}

#[test]
fn kernvraag_answered_twice() {
    check(
        "kernvraag-answered-twice",
        ErrorKind::DuplicateId,
        "kernvragen.toml",
        15,
        "passage \"zorg-1\" answers kernvraag \"lukt-het\" twice",
    );
}

#[test]
fn kernvraag_too_many_answers() {
    check(
        "kernvraag-too-many-answers",
        ErrorKind::InvalidValue,
        "kernvragen.toml",
        2,
        "kernvraag \"lukt-het\" has 4 answers",
    );
}

/// The format before answers: a flat list of passages is refused with the field named.
#[test]
fn kernvraag_old_format() {
    check(
        "kernvraag-old-format",
        ErrorKind::UnknownField,
        "kernvragen.toml",
        5,
        "unknown field `passages`",
    );
}

#[test]
fn reason_inside_text() {
    check(
        "reason-inside-text",
        ErrorKind::MalformedPassage,
        "documents/001-zorg.md",
        22,
        "reason line inside the text of passage \"zorg-2\"",
    );
}

#[test]
fn empty_reason() {
    check(
        "empty-reason",
        ErrorKind::MalformedPassage,
        "documents/001-zorg.md",
        21,
        "empty reason line",
    );
}

#[test]
fn unknown_category() {
    check(
        "unknown-category",
        ErrorKind::InvalidValue,
        "documents/001-zorg.md",
        33,
        "unknown category \"burger\"",
    );
}

#[test]
fn comment_without_category() {
    check(
        "comment-without-category",
        ErrorKind::MissingField,
        "documents/001-zorg.md",
        30,
        "missing field `category`",
    );
}

#[test]
fn voice_without_category() {
    check(
        "voice-without-category",
        ErrorKind::MissingField,
        "documents/001-zorg.md",
        2,
        "\"Redactie\" speaks in \"zorg\" but has no category",
    );
}

#[test]
fn unknown_voice() {
    check(
        "unknown-voice",
        ErrorKind::UnknownReference,
        "documents/001-zorg.md",
        11,
        "voice \"Piet Jansen\" is not among the authors or quoted",
    );
}

#[test]
fn inferred_unknown_field() {
    check(
        "inferred-unknown-field",
        ErrorKind::InvalidValue,
        "documents/001-zorg.md",
        6,
        "\"title\" cannot be marked as inferred here",
    );
}

#[test]
fn glossary_missing_bron() {
    check(
        "glossary-missing-bron",
        ErrorKind::MissingField,
        "glossary.toml",
        7,
        "missing field `bron`",
    );
}

#[test]
fn glossary_unknown_link() {
    check(
        "glossary-unknown-link",
        ErrorKind::UnknownReference,
        "glossary.toml",
        6,
        "links to \"gemeenten\"",
    );
}

#[test]
fn every_broken_fixture_is_tested() {
    // Without whitespace: rustfmt puts a long call's arguments on lines of their own.
    let source: String = include_str!("corpus_errors.rs").split_whitespace().collect();
    for entry in std::fs::read_dir(root().join("tests/fixtures/broken")).expect("fixtures exist") {
        let name = entry.expect("readable").file_name().to_string_lossy().into_owned();
        assert!(source.contains(&format!("check(\"{name}\"")), "fixture {name} has no test");
    }
}

#[test]
fn synonym_duplicate() {
    check(
        "synonym-duplicate",
        ErrorKind::DuplicateId,
        "synonyms.toml",
        5,
        "\"Buurtteam\" is already in the synonym group at line 2",
    );
}

#[test]
fn synonym_single_term() {
    check(
        "synonym-single-term",
        ErrorKind::InvalidValue,
        "synonyms.toml",
        2,
        "a synonym group needs at least two terms",
    );
}

#[test]
fn synonym_stop_words() {
    check(
        "synonym-stop-words",
        ErrorKind::InvalidValue,
        "synonyms.toml",
        6,
        "\"de en het\" is only very common words",
    );
}

#[test]
fn inferred_without_note() {
    check(
        "inferred-without-note",
        ErrorKind::MissingField,
        "documents/001-zorg.md",
        2,
        "inferred fields without an inferred_note",
    );
}
