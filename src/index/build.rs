//! Building the index from the corpus (build time, natively; also used by benchmarks).
//!
//! Four passes: invert the corpus into postings per term; group the terms by stem; find the
//! parts of every term against the vocabulary (terms, stems and the glossary's words); find
//! the listed phrases (multi-word synonyms) in the passage texts.

use std::collections::BTreeMap;

use super::format::{Groups, PostingLists, StemTable, Strings, TermIds};
use super::{
    field_texts, phrase_table, synonym_groups, Index, Posting, SynonymGroup, FIELD_COUNT,
    FORMAT_VERSION,
};
use crate::corpus::Corpus;
use crate::text::{analyze, Analyzer, Decompounder, PartKind};

pub fn build(corpus: &Corpus) -> Index<'static> {
    let (postings, lengths) = invert(corpus);
    let terms: Vec<&str> = postings.keys().map(String::as_str).collect();
    let term_stems: Vec<String> = terms.iter().map(|t| Analyzer.term(t).stem).collect();
    let term_table = Strings::from_sorted(&terms);
    let parts = parts(corpus, &terms, &term_stems);
    // The parts that are terms first, by id (so in the order of the sorted parts), then the rest.
    let (as_terms, others): (Vec<_>, Vec<_>) =
        parts.into_iter().partition(|(part, _)| term_table.find(part).is_some());
    let term_parts =
        TermIds::new(as_terms.iter().filter_map(|(part, _)| term_table.find(part)).collect());
    let other_parts =
        Strings::from_sorted(&others.iter().map(|(part, _)| part).collect::<Vec<_>>());
    let part_terms = Groups::from_lists(as_terms.into_iter().chain(others).map(|(_, ids)| ids));
    let mut lists = PostingLists::default();
    postings.values().for_each(|list| lists.push(list));
    let synonyms = synonym_groups(&corpus.synonyms);
    let phrases = listed_phrases(corpus, &synonyms);
    debug_assert!(
        phrases.keys().map(String::as_str).eq(phrase_table(&synonyms).iter()),
        "decoding finds the phrases again"
    );
    let mut phrase_lists = PostingLists::default();
    phrases.values().for_each(|list| phrase_lists.push(list));
    Index {
        version: FORMAT_VERSION,
        stems: StemTable::new(&term_table, &term_stems),
        terms: term_table,
        postings: lists,
        term_parts,
        other_parts,
        part_terms,
        phrases: phrase_table(&synonyms),
        phrase_postings: phrase_lists,
        avg_lengths: averages(&lengths),
        lengths,
        synonyms,
    }
}

/// For each term its postings, and for each passage its length per field.
fn invert(corpus: &Corpus) -> (BTreeMap<String, Vec<Posting>>, Vec<[u16; FIELD_COUNT]>) {
    let mut postings: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
    let mut lengths = vec![[0u16; FIELD_COUNT]; corpus.passages.len()];
    for (i, length) in lengths.iter_mut().enumerate() {
        for (field, text) in field_texts(corpus, i).iter().enumerate() {
            Analyzer.each_token(text, |_, term| {
                let list = match postings.get_mut(term) {
                    Some(list) => list,
                    None => postings.entry(term.to_string()).or_default(),
                };
                if list.last().is_none_or(|p| p.passage != i as u32) {
                    list.push(Posting { passage: i as u32, tf: [0; FIELD_COUNT] });
                }
                let tf = &mut list.last_mut().expect("pushed above").tf[field];
                *tf = tf.saturating_add(1);
                length[field] = length[field].saturating_add(1);
            });
        }
    }
    (postings, lengths)
}

/// For every part, the terms that hold it (`id << 1 | 1` for a form, `id << 1` for a
/// compound), in term order.
fn parts(corpus: &Corpus, terms: &[&str], stems: &[String]) -> BTreeMap<String, Vec<u32>> {
    // The glossary explains the domain's words in plain Dutch: a richer vocabulary to tell
    // words from non-words, though only the passages are searched.
    let glossary: Vec<String> = corpus
        .glossary
        .iter()
        .flat_map(|t| [&t.term, &t.explanation].into_iter().chain(&t.aliases))
        .flat_map(|text| analyze(text).into_iter().filter(|t| !t.joined).map(|t| t.term))
        .collect();
    let vocabulary = terms
        .iter()
        .copied()
        .chain(stems.iter().map(String::as_str))
        .chain(glossary.iter().map(String::as_str));
    let decompounder = Decompounder::new(vocabulary);
    let mut parts: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, (term, stem)) in terms.iter().zip(stems).enumerate() {
        for part in decompounder.parts(term, stem) {
            let code = (id as u32) << 1 | u32::from(part.kind == PartKind::Form);
            parts.entry(part.word.to_string()).or_default().push(code);
        }
    }
    parts
}

/// For each multi-word synonym entry (terms joined by spaces), the passages whose text holds
/// it word for word, with how often.
fn listed_phrases(corpus: &Corpus, synonyms: &[SynonymGroup]) -> BTreeMap<String, Vec<Posting>> {
    let entries: Vec<&Vec<String>> =
        synonyms.iter().flat_map(|g| &g.entries).filter(|e| e.len() > 1).collect();
    let mut phrases: BTreeMap<String, Vec<Posting>> =
        entries.iter().map(|e| (e.join(" "), Vec::new())).collect();
    for (i, passage) in corpus.passages.iter().enumerate() {
        let terms: Vec<String> =
            analyze(&passage.text).into_iter().filter(|t| !t.joined).map(|t| t.term).collect();
        for entry in &entries {
            let count = terms.windows(entry.len()).filter(|w| w == entry).count();
            if count > 0 {
                let list = phrases.get_mut(&entry.join(" ")).expect("every entry has a list");
                list.push(Posting {
                    passage: i as u32,
                    tf: [count.min(u8::MAX as usize) as u8, 0, 0, 0],
                });
            }
        }
    }
    phrases
}

fn averages(lengths: &[[u16; FIELD_COUNT]]) -> [f32; FIELD_COUNT] {
    let mut avg = [1.0; FIELD_COUNT];
    for (f, slot) in avg.iter_mut().enumerate() {
        let (sum, n) = lengths
            .iter()
            .filter(|l| l[f] > 0)
            .fold((0u64, 0u64), |(s, n), l| (s + l[f] as u64, n + 1));
        if n > 0 {
            *slot = sum as f32 / n as f32;
        }
    }
    avg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_corpus_gives_an_empty_index_that_round_trips() {
        let corpus = Corpus {
            themes: vec![],
            documents: vec![],
            passages: vec![],
            kernvragen: vec![],
            glossary: vec![],
            synonyms: vec![],
            everyday: vec![],
        };
        let index = build(&corpus);
        let bytes = index.encode();
        let decoded = Index::decode(&bytes, &[]).expect("decodes");
        assert_eq!(decoded, index);
        assert_eq!(decoded.term_count(), 0);
        assert_eq!(decoded.prefix_range("a"), 0..0);
    }
}
