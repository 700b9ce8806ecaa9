//! Dutch stop words: very common words that weigh less in ranking. They stay in the index, so
//! a phrase like "dichter bij de burger" and a query of only stop words still work.

/// Folded forms, sorted (after the Snowball Dutch list, trimmed).
const STOP_WORDS: [&str; 103] = [
    "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat", "de",
    "der", "deze", "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge",
    "geen", "geweest", "haar", "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe",
    "hun", "iemand", "iets", "ik", "in", "is", "ja", "je", "kan", "kon", "kunnen", "maar", "me",
    "meer", "men", "met", "mij", "mijn", "moet", "na", "naar", "niet", "niets", "nog", "nu", "of",
    "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds", "te", "tegen", "toch", "toen",
    "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren", "was", "wat", "we", "wel",
    "werd", "wezen", "wie", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn",
    "zo", "zonder", "zou",
];

/// Bytes in the longest stop word: longer terms are not looked up.
const LONGEST: usize = 7;

/// The stop words as [`pack`] writes them, ascending: every query word is looked up, and a
/// binary search over numbers spares the byte comparison (a `memcmp` call) of each step over
/// strings. Built by the compiler, which also checks that the list is sorted.
const PACKED: [u64; STOP_WORDS.len()] = {
    let mut packed = [0; STOP_WORDS.len()];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        packed[i] = pack(STOP_WORDS[i].as_bytes());
        assert!(i == 0 || packed[i - 1] < packed[i], "keep STOP_WORDS sorted");
        i += 1;
    }
    packed
};

/// A term of at most [`LONGEST`] bytes as one number: its bytes from the highest byte down,
/// zeros after them, and its length in the lowest byte. Two terms pack alike only if they are
/// alike, and sorted terms without zero bytes (all folded words) pack in ascending order.
const fn pack(bytes: &[u8]) -> u64 {
    let mut packed = 0;
    let mut i = 0;
    while i < LONGEST {
        packed <<= 8;
        if i < bytes.len() {
            packed |= bytes[i] as u64;
        }
        i += 1;
    }
    packed << 8 | bytes.len() as u64
}

pub fn is_stop_word(term: &str) -> bool {
    term.len() <= LONGEST && PACKED.binary_search(&pack(term.as_bytes())).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_folded() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "keep STOP_WORDS sorted");
        assert!(STOP_WORDS.iter().all(|w| crate::text::fold(w) == *w));
        assert_eq!(STOP_WORDS.iter().map(|w| w.len()).max(), Some(LONGEST));
        assert!(is_stop_word("de") && is_stop_word("het") && !is_stop_word("zorg"));
    }

    /// The packed lookup answers as a search of the list of strings does: for every stop
    /// word, for each of them cut short or lengthened by a letter, a zero byte or a
    /// multi-byte letter, and for words of other lengths.
    #[test]
    fn packed_lookup_agrees_with_the_list() {
        let mut words: Vec<String> = vec![
            String::new(),
            "zorg".into(),
            "zijnde".into(),
            "aaaaaaa".into(),
            "zzzzzzz".into(),
            "zzzzzzzz".into(),
        ];
        for w in STOP_WORDS {
            words.push(w.to_string());
            words.push(w[..w.len() - 1].to_string());
            for tail in ["a", "z", "\0", "é"] {
                words.push(format!("{w}{tail}"));
                words.push(format!("{tail}{w}"));
            }
        }
        for w in &words {
            assert_eq!(is_stop_word(w), STOP_WORDS.contains(&w.as_str()), "{w:?}");
        }
    }
}
