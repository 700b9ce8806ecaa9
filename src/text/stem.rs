//! Snowball Dutch stemming (`rust-stemmers`), on folded terms.

use rust_stemmers::{Algorithm, Stemmer};

/// The stem of a folded term. Numbers and very short terms are their own stem.
pub fn stem(term: &str) -> String {
    if term.len() < 3 || term.bytes().all(|b| b.is_ascii_digit()) {
        return term.to_string();
    }
    thread_local! {
        static DUTCH: Stemmer = Stemmer::create(Algorithm::Dutch);
    }
    DUTCH.with(|stemmer| stemmer.stem(term).into_owned())
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn stems_inflections_together() {
        for (a, b) in [
            ("bezuinigingen", "bezuiniging"),
            ("kwetsbaar", "kwetsbare"),
            ("gemeenten", "gemeente"),
            ("regels", "regel"),
            ("wijkteams", "wijkteam"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} ~ {b}");
        }
        assert_eq!(stem("2015"), "2015");
    }
}
