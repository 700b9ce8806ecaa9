//! Building the index from the corpus (build time, natively; also used by benchmarks).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::{Field, Index, Posting, SynonymGroup, FIELD_COUNT};
use crate::corpus::Corpus;
use crate::text::{analyze, is_stop_word, stem};

/// Parts shorter than this are ignored inside words, except at the end: Dutch compounds put
/// the head last, so `wet` in `participatiewet` counts but `wet` in `wethouder` does not.
const MIN_INNER_PART: usize = 4;
const MIN_PART: usize = 3;

pub fn build(corpus: &Corpus) -> Index {
    let mut postings: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
    let mut lengths = vec![[0u16; FIELD_COUNT]; corpus.passages.len()];
    for i in 0..corpus.passages.len() {
        for (field, text) in fields(corpus, i) {
            for token in analyze(&text) {
                let list = postings.entry(token.term).or_default();
                if list.last().is_none_or(|p| p.passage != i as u32) {
                    list.push(Posting { passage: i as u32, tf: [0; FIELD_COUNT] });
                }
                let tf = &mut list.last_mut().expect("pushed above").tf[field as usize];
                *tf = tf.saturating_add(1);
                lengths[i][field as usize] = lengths[i][field as usize].saturating_add(1);
            }
        }
    }
    let terms: Vec<String> = postings.keys().cloned().collect();
    let postings: Vec<Vec<Posting>> = postings.into_values().collect();

    let mut by_stem: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, term) in terms.iter().enumerate() {
        by_stem.entry(stem(term)).or_default().push(id as u32);
    }
    let stems: Vec<String> = by_stem.keys().cloned().collect();
    let term_stem = terms
        .iter()
        .map(|t| stems.binary_search(&stem(t)).expect("every term's stem was collected") as u32)
        .collect();
    let stem_terms = by_stem.into_values().collect();
    let parts = parts(&terms, &stems);

    Index {
        terms,
        term_stem,
        stems,
        stem_terms,
        postings,
        parts,
        avg_lengths: averages(&lengths),
        lengths,
        synonyms: corpus
            .synonyms
            .iter()
            .map(|group| SynonymGroup {
                entries: group.iter().map(|e| analyze(e).into_iter().map(|t| t.term).collect()).collect(),
            })
            .collect(),
    }
}

/// The searchable fields of passage `i`: its text, section heading, title and people.
fn fields(corpus: &Corpus, i: usize) -> Vec<(Field, String)> {
    let passage = &corpus.passages[i];
    let doc = &corpus.documents[passage.document as usize];
    let article = &corpus.documents[corpus.article_of(passage.document) as usize];
    // The heading a passage stands under is the last one at or before it in its document.
    let heading = corpus.passages[doc.passage_range()]
        .iter()
        .take(i + 1 - doc.first_passage as usize)
        .filter_map(|p| p.heading.clone())
        .last();
    let people: Vec<String> = doc
        .authors
        .iter()
        .chain(&doc.quoted)
        .map(|p| match &p.role {
            Some(role) => format!("{} {role}", p.name),
            None => p.name.clone(),
        })
        .collect();
    let mut fields = vec![(Field::Text, passage.text.clone())];
    fields.extend(heading.map(|h| (Field::Heading, h)));
    fields.extend(article.title.clone().map(|t| (Field::Title, t)));
    fields.push((Field::People, people.join(" ")));
    fields
}

fn averages(lengths: &[[u16; FIELD_COUNT]]) -> [f32; FIELD_COUNT] {
    let mut avg = [1.0; FIELD_COUNT];
    for (f, slot) in avg.iter_mut().enumerate() {
        let (sum, n) = lengths.iter().filter(|l| l[f] > 0).fold((0u64, 0u64), |(s, n), l| (s + l[f] as u64, n + 1));
        if n > 0 {
            *slot = sum as f32 / n as f32;
        }
    }
    avg
}

/// For every word or stem that also occurs inside longer terms, those terms.
///
/// The rule, without a dictionary: a part is a word or stem the corpus uses on its own (at
/// least 3 letters, not a stop word), found in a longer term where what stands on either side
/// could be a word too: nothing, an inflection (`-en`, `-ers`, ...), another known word
/// (possibly after a linking `s` or `e`), or at least five letters. Parts inside a word need
/// 4 letters. So `zorg` is in `jeugdzorg`, `zorgaanbieders` and `mantelzorgers`, `wet` in
/// `participatiewet`, but `ouder` is not in `wethouder` (`weth` is no word).
fn parts(terms: &[String], stems: &[String]) -> Vec<(String, Vec<u32>)> {
    let known: HashSet<&str> = terms
        .iter()
        .chain(stems)
        .map(String::as_str)
        .filter(|p| p.chars().count() >= MIN_PART && !is_stop_word(p) && !p.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let mut parts: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
    for (id, term) in terms.iter().enumerate() {
        let bounds: Vec<usize> = term.char_indices().map(|(i, _)| i).chain([term.len()]).collect();
        let own_stem = stem(term);
        for (a, &start) in bounds.iter().enumerate() {
            for &end in bounds.get(a + MIN_PART..).unwrap_or_default() {
                let part = &term[start..end];
                let whole = start == 0 && end == term.len();
                let inner = start > 0 && end < term.len();
                if whole || part == own_stem || (inner && part.chars().count() < MIN_INNER_PART) || !known.contains(part) {
                    continue;
                }
                if could_be_word(&term[..start], &known, false) && could_be_word(&term[end..], &known, true) {
                    parts.entry(part).or_default().insert(id as u32);
                }
            }
        }
    }
    parts.into_iter().map(|(p, ids)| (p.to_string(), ids.into_iter().collect())).collect()
}

/// Dutch inflection and derivation endings that may follow a part (`zorg|ers`, `regel|s`).
const ENDINGS: &[&str] = &["e", "en", "er", "ere", "eren", "ers", "es", "s", "je", "jes", "tje", "tjes", "ing", "ingen", "t", "te", "ten", "d", "de", "den"];

/// Whether the rest of a term beside a part could stand for a word.
fn could_be_word(rest: &str, known: &HashSet<&str>, after_part: bool) -> bool {
    let linked = |r: &str| {
        let stripped = if after_part { r.strip_prefix(['s', 'e']) } else { r.strip_suffix(['s', 'e']) };
        stripped.is_some_and(|w| known.contains(w))
    };
    rest.is_empty()
        || (after_part && ENDINGS.contains(&rest))
        || known.contains(rest)
        || linked(rest)
        || rest.chars().count() >= 5
}
