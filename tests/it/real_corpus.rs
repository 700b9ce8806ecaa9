//! The real corpus in `corpus/`: it validates, it is what the app embeds, and it holds what
//! the issue asks of it.

use std::collections::HashSet;

use verkenner::corpus::{load_dir, Kind, Stance};

use crate::root;

fn real() -> verkenner::Corpus {
    load_dir(&root().join("corpus")).unwrap_or_else(|errors| panic!("{errors}"))
}

#[test]
fn the_embedded_corpus_is_the_validated_corpus() {
    // build.rs honours VERKENNER_CORPUS; these tests are about the real one.
    if std::env::var_os("VERKENNER_CORPUS").is_some() {
        return;
    }
    assert_eq!(verkenner::corpus(), &real());
}

#[test]
fn every_source_text_is_curated() {
    let corpus = real();
    let sources: HashSet<String> = std::fs::read_dir(root().join("corpus/sources"))
        .expect("sources folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    let used: HashSet<String> = corpus.articles().map(|(_, d)| d.source.clone()).collect();
    assert_eq!(used, sources);
    assert_eq!(corpus.articles().count(), 5);
}

#[test]
fn comments_are_voices_of_their_own() {
    let corpus = real();
    let comments: Vec<_> = corpus.documents.iter().filter(|d| d.is_comment()).collect();
    assert!(
        comments.len() >= 6,
        "the sources hold at least six reader comments, found {}",
        comments.len()
    );
    for comment in comments {
        assert_eq!(comment.kind, Kind::Reactie);
        assert_eq!(comment.authors.len(), 1, "{} has one author", comment.id);
        assert!(comment.title.is_none());
        let parent = &corpus.documents[comment.parent.expect("a comment has a parent") as usize];
        assert!(parent.comments.iter().any(|&c| corpus.documents[c as usize].id == comment.id));
    }
}

#[test]
fn key_questions_pair_both_sides() {
    let corpus = real();
    assert!(
        corpus.kernvragen.len() >= 5,
        "at least five kernvragen, found {}",
        corpus.kernvragen.len()
    );
    for kv in &corpus.kernvragen {
        for side in [Stance::Optimistisch, Stance::Kritisch] {
            assert!(
                kv.passages.iter().any(|&p| corpus.passages[p as usize].stance == side),
                "{} lacks a {side:?} passage",
                kv.id
            );
        }
    }
}

#[test]
fn the_glossary_is_large_enough_and_original() {
    let corpus = real();
    assert!(corpus.glossary.len() >= 25, "at least 25 terms, found {}", corpus.glossary.len());
    let all_text: String =
        corpus.passages.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
    for term in &corpus.glossary {
        // Written by us: no explanation may copy a sentence of the sources.
        for sentence in term.explanation.split(". ").filter(|s| s.split_whitespace().count() >= 6) {
            assert!(
                !all_text.contains(sentence.trim_end_matches('.')),
                "{} copies the source: {sentence}",
                term.id
            );
        }
    }
}

#[test]
fn every_theme_has_passages_and_every_passage_a_stance_mix() {
    let corpus = real();
    for (i, theme) in corpus.themes.iter().enumerate() {
        let n = corpus.passages.iter().filter(|p| p.themes.contains(&(i as u8))).count();
        assert!(n >= 2, "theme {} has only {n} passage(s)", theme.id);
    }
    for stance in Stance::ALL {
        assert!(corpus.passages.iter().any(|p| p.stance == stance), "no {stance:?} passage");
    }
}

#[test]
fn metadata_is_only_what_the_text_gives() {
    let corpus = real();
    for (_, doc) in corpus.articles() {
        if let Some(date) = doc.date {
            // Only one source gives a date; it must be written in that source.
            let source = std::fs::read_to_string(root().join("corpus/sources").join(&doc.source))
                .expect("source");
            assert!(
                source.contains(&date.dutch()),
                "{}: date {} is not in its source",
                doc.id,
                date.dutch()
            );
        }
        for person in doc.authors.iter().chain(&doc.quoted) {
            let source = std::fs::read_to_string(root().join("corpus/sources").join(&doc.source))
                .expect("source");
            assert!(
                source.contains(&person.name),
                "{}: {} is not named in the source",
                doc.id,
                person.name
            );
        }
    }
}

#[test]
fn one_sided_documents_are_declared_and_only_those() {
    let corpus = real();
    for doc in &corpus.documents {
        let counts = corpus.stance_counts(doc);
        let (optimistic, critical) =
            (counts[Stance::Optimistisch as usize], counts[Stance::Kritisch as usize]);
        let one_sided = (optimistic == 0) != (critical == 0);
        match (&doc.one_sided, one_sided) {
            (None, true) => panic!("{}: all its passages that take a side take the same one; check the labels, or write down why in one_sided", doc.id),
            (Some(_), false) => panic!("{}: declared one_sided but has passages on both sides", doc.id),
            _ => {}
        }
    }
}

#[test]
fn the_index_finds_every_term_and_its_stem() {
    // The engine reads a known word's stem from the index instead of running the stemmer, and
    // finds terms and stems through hash tables: all must agree with the vocabulary.
    let index = verkenner::index();
    for (id, term) in index.terms().enumerate() {
        let id = id as u32;
        assert_eq!(index.term_id(term), Some(id), "{term}");
        let stem = index.stem_of(id);
        assert_eq!(stem, verkenner::text::stem(term), "the stored stem of {term}");
        assert!(
            index.terms_with_stem(&stem).contains(&id),
            "{term} among the terms of its stem {stem}"
        );
    }
    for missing in ["", "zzzzq", "zorgzorgzorg", "ë"] {
        assert_eq!(index.term_id(missing), None, "{missing:?}");
        assert!(index.terms_with_stem(missing).is_empty(), "{missing:?}");
    }
}
