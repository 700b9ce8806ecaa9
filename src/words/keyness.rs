//! Words typical of a side: keyness by log-likelihood, computed at build time.
//!
//! Terms:
//! - a *side* is the passages of one stance; its *length* is the number of word tokens in
//!   their texts (joined hyphen forms not counted twice);
//! - a word is counted *by stem*: `bezuiniging` and `bezuinigingen` are one word, shown in
//!   its most common written form;
//! - the *reference* of a side is the other two sides together;
//! - a word's *keyness* for a side is Dunning's log-likelihood G² of its count in the side
//!   against its count in the reference, given both lengths (as AntConc's keyword list and
//!   Rayson's calculator compute it). It copes with small counts, where a chi-squared test or
//!   a plain ratio overstates rare words.
//!
//! A word is *typical* of a side when the side uses it more often than the reference (per
//! word), at least [`KeynessParams::min_count`] times, with G² of at least
//! [`KeynessParams::min_score`]; stop words and numbers never are. The result depends only on
//! counts, so the order of the passages cannot change it.

#[cfg(not(target_arch = "wasm32"))]
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use crate::corpus::{Corpus, Stance};
#[cfg(not(target_arch = "wasm32"))]
use crate::text::{is_stop_word, stem, Analyzer};

/// The tunable numbers of the keyword lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeynessParams {
    /// A word must occur at least this often in the side (AntConc's minimum frequency). Below
    /// three, one author's habit in one passage decides. Range 1 and up.
    pub min_count: u32,
    /// The lowest G² shown: 3.84 is significance at p < 0.05 with one degree of freedom.
    /// Range 0 and up; higher keeps fewer, clearer words.
    pub min_score: f64,
    /// At most this many words per side, the highest scores first.
    pub max_words: usize,
}

impl Default for KeynessParams {
    fn default() -> Self {
        KeynessParams { min_count: 3, min_score: 3.84, max_words: 15 }
    }
}

/// A word typical of a side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    /// The stem all counted forms share.
    pub stem: String,
    /// Its most common form in the side, as written (lowercased unless the texts always
    /// capitalise it, like `Wmo`).
    pub form: String,
    /// How often the side uses it.
    pub count: u32,
    /// How often the other two sides together use it.
    pub reference: u32,
    /// Log-likelihood G².
    pub score: f32,
}

/// The typical words of each side, in the order of [`Stance::ALL`], with the sides' lengths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keywords {
    pub sides: Vec<Vec<Keyword>>,
    pub lengths: [u32; 3],
}

/// Per stem: counts per side and written forms with their counts.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct StemCounts {
    counts: [u32; 3],
    forms: HashMap<String, u32>,
}

/// The typical words of each side of `corpus`. Build time only (build.rs, tests): the
/// browser receives the result.
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::disallowed_methods)] // native only: the wasm's one sort is untouched
pub fn keywords(corpus: &Corpus, params: &KeynessParams) -> Keywords {
    let mut stems: HashMap<String, StemCounts> = HashMap::new();
    let mut lengths = [0u32; 3];
    let mut stem_of: HashMap<String, String> = HashMap::new();
    for passage in &corpus.passages {
        let side = passage.stance as usize;
        Analyzer.each_token(&passage.text, |raw, term| {
            if raw.joined {
                return;
            }
            lengths[side] += 1;
            if is_stop_word(term) || term.bytes().all(|b| b.is_ascii_digit()) || term.len() < 2 {
                return;
            }
            let s = stem_of.entry(term.to_string()).or_insert_with(|| stem(term)).clone();
            let entry = stems.entry(s).or_default();
            entry.counts[side] += 1;
            *entry.forms.entry(passage.text[raw.start..raw.end].to_string()).or_default() += 1;
        });
    }
    let total: u32 = lengths.iter().sum();
    let mut sides = Vec::with_capacity(3);
    for stance in Stance::ALL {
        let side = stance as usize;
        let (c, d) = (lengths[side] as f64, (total - lengths[side]) as f64);
        let mut words: Vec<Keyword> = stems
            .iter()
            .filter_map(|(s, counts)| {
                let a = counts.counts[side];
                let b = counts.counts.iter().sum::<u32>() - a;
                let more = (a as f64) * d > (b as f64) * c;
                let score = log_likelihood(a as f64, b as f64, c, d);
                (a >= params.min_count && more && score >= params.min_score).then(|| Keyword {
                    stem: s.clone(),
                    form: common_form(&counts.forms),
                    count: a,
                    reference: b,
                    score: score as f32,
                })
            })
            .collect();
        // Highest score first; ties by stem, so the list never depends on hashing order.
        words.sort_by(|x, y| y.score.total_cmp(&x.score).then_with(|| x.stem.cmp(&y.stem)));
        words.truncate(params.max_words);
        sides.push(words);
    }
    Keywords { sides, lengths }
}

/// Dunning's G² for a count `a` in a text of `c` words against `b` in `d` words.
pub fn log_likelihood(a: f64, b: f64, c: f64, d: f64) -> f64 {
    if c == 0.0 || d == 0.0 || a + b == 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let part = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (part(a, e1) + part(b, e2))
}

#[cfg(not(target_arch = "wasm32"))]
/// The most common form, compared without case; shown lowercased unless it is never written
/// in lowercase. Ties go to the alphabetically first, so the choice is stable.
fn common_form(forms: &HashMap<String, u32>) -> String {
    let mut folded: HashMap<String, (u32, bool, &str)> = HashMap::new();
    for (form, &n) in forms {
        let lower = crate::text::lowercase(form);
        let entry = folded.entry(lower.clone()).or_insert((0, false, form));
        entry.0 += n;
        entry.1 |= *form == lower;
        if form.as_str() < entry.2 {
            entry.2 = form;
        }
    }
    let best = folded
        .iter()
        .max_by(|x, y| x.1 .0.cmp(&y.1 .0).then_with(|| y.0.cmp(x.0)))
        .expect("a counted stem has at least one form");
    if best.1 .1 {
        best.0.clone()
    } else {
        best.1 .2.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_ll(a: f64, b: f64, c: f64, d: f64, expected: f64) {
        let got = log_likelihood(a, b, c, d);
        assert!((got - expected).abs() < 0.01, "G2({a}, {b}, {c}, {d}) = {got}, want {expected}");
    }

    #[test]
    fn log_likelihood_matches_known_values() {
        // Equal rates: no keyness.
        check_ll(10.0, 10.0, 1000.0, 1000.0, 0.0);
        // Rayson's calculator: 10 in 1000 against 2 in 1000.
        check_ll(10.0, 2.0, 1000.0, 1000.0, 5.82);
        check_ll(0.0, 5.0, 100.0, 100.0, 6.93);
        check_ll(0.0, 0.0, 100.0, 100.0, 0.0);
        check_ll(3.0, 0.0, 0.0, 100.0, 0.0);
    }

    #[test]
    fn the_common_form_is_chosen_without_case() {
        let forms = |pairs: &[(&str, u32)]| -> HashMap<String, u32> {
            pairs.iter().map(|&(f, n)| (f.to_string(), n)).collect()
        };
        assert_eq!(common_form(&forms(&[("Zorgen", 2), ("zorgen", 1), ("zorg", 2)])), "zorgen");
        assert_eq!(common_form(&forms(&[("Wmo", 3)])), "Wmo");
        assert_eq!(common_form(&forms(&[("regels", 2), ("regel", 2)])), "regel");
    }
}
