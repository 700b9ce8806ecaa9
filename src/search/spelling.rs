//! Near spellings: vocabulary terms a few edits away from what the reader typed.
//!
//! Terms:
//! - an *edit* is inserting, deleting or replacing one character, or swapping two neighbours
//!   (optimal string alignment distance);
//! - the *allowance* of a word is how many edits its length earns: none up to 4 characters,
//!   one for 5 to 8, two beyond;
//! - a term's *letter set* is the set of letters a–z it uses (digits and other characters
//!   share two more bits): one edit changes at most two bits of it, so comparing sets rules
//!   out most of the vocabulary before any distance is computed.
//!
//! The vocabulary is a few thousand terms (it hardly grows with the number of passages), so a
//! scan with these cheap tests first answers in microseconds; an automaton over a finite
//! state transducer (the `fst` crate) would cost a dependency and more time to build per
//! query than this scan takes.

use crate::index::Index;

/// The edits a word of this many characters allows.
pub fn allowance(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The vocabulary's letter sets, for the quick test.
pub fn letter_sets(index: &Index) -> Vec<u32> {
    index.terms().map(letter_set).collect()
}

/// The set of ASCII letters (and two bits for digits and anything else) a term uses.
pub fn letter_set(term: &str) -> u32 {
    term.bytes().fold(0, |set, b| match b {
        b'a'..=b'z' => set | 1 << (b - b'a'),
        b'0'..=b'9' => set | 1 << 26,
        _ => set | 1 << 27,
    })
}

/// Terms within `max` edits of `word` (never the word itself), closest and then most
/// frequent first, at most `limit`.
pub fn near(index: &Index, letter_sets: &[u32], word: &str, max: usize, limit: usize) -> Vec<u32> {
    if max == 0 || limit == 0 {
        return Vec::new();
    }
    let chars: Vec<char> = word.chars().collect();
    let letters = letter_set(word);
    let mut distance = EditDistance::default();
    let mut candidate = Vec::new();
    // (distance, then the more frequent word first), id
    let mut found: Vec<crate::sort::Keyed> = Vec::new();
    for (id, &set) in letter_sets.iter().enumerate().take(index.term_count()) {
        // Cheap rejections first, before the term is read: the letters it uses, then its
        // byte length (a character is at most 4 bytes).
        if (letters ^ set).count_ones() as usize > 2 * max {
            continue;
        }
        let len = index.term_len(id as u32);
        if len + 4 * max < word.len() || len > word.len() + 4 * max {
            continue;
        }
        candidate.clear();
        candidate.extend(index.term(id as u32).chars());
        let d = distance.distance(&chars, &candidate, max);
        if d > 0 && d <= max {
            found.push((
                (d as u64) << 32 | !(index.document_frequency(id as u32) as u32) as u64,
                id as u32,
            ));
        }
    }
    crate::sort::sort(&mut found);
    found.into_iter().take(limit).map(|(_, id)| id).collect()
}

/// Optimal string alignment distance with reusable rows.
#[derive(Default)]
pub struct EditDistance {
    rows: [Vec<usize>; 3],
}

impl EditDistance {
    /// The distance, or `max + 1` once it is sure to exceed `max`. Only the cells within
    /// `max` of the diagonal are worked out (a path through any other cell costs more than
    /// `max`); the cell either side of a row's band is `max + 1`, for the next row to read.
    pub fn distance(&mut self, a: &[char], b: &[char], max: usize) -> usize {
        let (n, m, far) = (a.len(), b.len(), max + 1);
        if n.abs_diff(m) > max {
            return far;
        }
        let [prev2, prev, cur] = &mut self.rows;
        for row in [&mut *prev2, &mut *prev, &mut *cur] {
            row.clear();
            row.resize(m + 1, far);
        }
        prev.iter_mut().enumerate().for_each(|(j, v)| *v = j.min(far));
        for i in 1..=n {
            let (lo, hi) = (i.saturating_sub(max).max(1), (i + max).min(m));
            cur[lo - 1] = if lo == 1 { i.min(far) } else { far };
            let mut row_min = cur[lo - 1];
            for j in lo..=hi {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(prev2[j - 2] + 1);
                }
                cur[j] = v;
                row_min = row_min.min(v);
            }
            if hi < m {
                cur[hi + 1] = far;
            }
            if row_min > max {
                return far;
            }
            std::mem::swap(prev2, prev);
            std::mem::swap(prev, cur);
        }
        prev[m].min(far)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(a: &str, b: &str, expected: usize) {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(
            EditDistance::default().distance(&chars(a), &chars(b), 2),
            expected,
            "{a} ~ {b}"
        );
    }

    #[test]
    fn counts_typos() {
        check("participatiewt", "participatiewet", 1);
        check("bezuinigngen", "bezuinigingen", 1);
        check("zrog", "zorg", 1);
        check("eenzaamhied", "eenzaamheid", 1);
        check("gemeente", "gemeente", 0);
        check("client", "cliënt", 1);
        check("abc", "xyzxyz", 3);
        check("", "ab", 2);
    }

    /// The whole table, as the textbook has it.
    fn full_distance(a: &[char], b: &[char]) -> usize {
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for i in 0..=a.len() {
            for j in 0..=b.len() {
                d[i][j] = match (i, j) {
                    (0, j) => j,
                    (i, 0) => i,
                    _ => {
                        let mut v = (d[i - 1][j] + 1)
                            .min(d[i][j - 1] + 1)
                            .min(d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]));
                        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                            v = v.min(d[i - 2][j - 2] + 1);
                        }
                        v
                    }
                };
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn the_band_gives_the_distance_of_the_whole_table() {
        // Every pair of words of up to five letters over three letters, one of them ë.
        let mut words: Vec<Vec<char>> = vec![Vec::new()];
        for len in 1..=5 {
            let longer: Vec<Vec<char>> = words
                .iter()
                .filter(|w| w.len() == len - 1)
                .flat_map(|w| ['a', 'b', 'ë'].map(|c| [w.clone(), vec![c]].concat()))
                .collect();
            words.extend(longer);
        }
        let mut distance = EditDistance::default();
        for a in &words {
            for b in &words {
                let full = full_distance(a, b);
                for max in 0..=3 {
                    assert_eq!(
                        distance.distance(a, b, max),
                        full.min(max + 1),
                        "{a:?} ~ {b:?}, at most {max}"
                    );
                }
            }
        }
    }

    #[test]
    fn longer_words_allow_more_edits() {
        for (chars, edits) in [(0, 0), (4, 0), (5, 1), (8, 1), (9, 2), (40, 2)] {
            assert_eq!(allowance(chars), edits, "{chars} characters");
        }
    }
}
