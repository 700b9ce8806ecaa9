//! The everyday-word list (`corpus/alledaags.toml`) of the real corpus, entry by entry: read
//! from the file on its own, every target is a glossary term or theme of the corpus, the
//! word itself is not in the texts, and search's signposts lead from each of its forms to it.

use std::collections::HashMap;

use serde::Deserialize;
use verkenner::bridge::Bridge;
use verkenner::text::{analyze, stem};

use crate::root;

#[derive(Deserialize)]
struct File {
    word: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    word: String,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    terms: Vec<String>,
    #[serde(default)]
    themes: Vec<String>,
    note: Option<String>,
}

fn stems(text: &str) -> Vec<String> {
    analyze(text).into_iter().filter(|t| !t.joined).map(|t| stem(&t.term)).collect()
}

#[test]
fn every_everyday_word_points_to_the_glossary_and_themes() {
    let text = std::fs::read_to_string(root().join("corpus/alledaags.toml")).expect("the list");
    let file: File = toml::from_str(&text).expect("the list is TOML");
    let corpus = verkenner::corpus();
    assert!(file.word.len() >= 40, "at least 40 everyday words, found {}", file.word.len());
    assert_eq!(corpus.everyday.len(), file.word.len(), "every entry is embedded");
    let passages: Vec<Vec<String>> = corpus.passages.iter().map(|p| stems(&p.text)).collect();
    let bridge = Bridge::new(corpus);
    let glossary: HashMap<&str, usize> =
        corpus.glossary.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let themes: HashMap<&str, usize> =
        corpus.themes.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    for (i, entry) in file.word.iter().enumerate() {
        let word = &entry.word;
        assert!(!entry.terms.is_empty() || !entry.themes.is_empty(), "{word} points nowhere");
        let embedded = &corpus.everyday[i];
        assert_eq!(&embedded.word, word);
        for id in &entry.terms {
            let t = glossary.get(id.as_str()).unwrap_or_else(|| panic!("{word}: no term {id}"));
            assert!(embedded.terms.contains(&(*t as u16)), "{word}: term {id} embedded");
        }
        for id in &entry.themes {
            let t = themes.get(id.as_str()).unwrap_or_else(|| panic!("{word}: no theme {id}"));
            assert!(embedded.themes.contains(&(*t as u8)), "{word}: theme {id} embedded");
            let count = verkenner::bridge::theme_passages(corpus, *t as u8);
            assert!(count > 0, "{word}: theme {id} has passages");
        }
        assert_eq!(
            embedded.terms.len() + embedded.themes.len(),
            entry.terms.len() + entry.themes.len()
        );
        // The word is one the texts do not use: search alone would not find it.
        let key = stems(word);
        assert!(
            !passages.iter().any(|p| p.windows(key.len()).any(|w| w == key.as_slice())),
            "{word} occurs in the texts: search finds it without the list"
        );
        for form in std::iter::once(word).chain(&entry.also) {
            let found = bridge.signposts(form);
            assert!(
                found.everyday.iter().any(|(e, range)| *e == i && range.len() == form.len()),
                "searching {form:?} shows {word}: {found:?}"
            );
        }
        if let Some(note) = &entry.note {
            for sentence in note.split_inclusive(['.', '?', '!']) {
                let words = sentence.split_whitespace().count();
                assert!(words <= 20, "{word}: a note sentence of {words} words is not B1");
            }
        }
    }
}
