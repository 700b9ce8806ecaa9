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
        let candidate: Vec<char> = index.term(id as u32).chars().collect();
        let d = distance(&chars, &candidate);
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

/// The optimal string alignment distance of `a` and `b`, from the whole table.
pub fn distance(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(a: &str, b: &str, expected: usize) {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(distance(&chars(a), &chars(b)), expected, "{a} ~ {b}");
    }

    #[test]
    fn counts_typos() {
        check("participatiewt", "participatiewet", 1);
        check("bezuinigngen", "bezuinigingen", 1);
        check("zrog", "zorg", 1);
        check("eenzaamhied", "eenzaamheid", 1);
        check("gemeente", "gemeente", 0);
        check("client", "cliënt", 1);
        check("abc", "xyzxyz", 6);
        check("", "ab", 2);
        check("ab", "", 2);
        check("ca", "abc", 3);
    }

    #[test]
    fn longer_words_allow_more_edits() {
        for (chars, edits) in [(0, 0), (4, 0), (5, 1), (8, 1), (9, 2), (40, 2)] {
            assert_eq!(allowance(chars), edits, "{chars} characters");
        }
    }
}
