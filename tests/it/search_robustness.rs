//! Any query is answered, without panic and in bounded time: a property test over thousands of
//! seeded random queries in families that each stress one part of the way (parsing, folding,
//! expansion caps, phrases, exclusions, filters, snippets).

use std::time::{Duration, Instant};

use verkenner::corpus::{Kind, Stance};
use verkenner::search::{parse, Filters, Results, MAX_PHRASES, MAX_WORDS};

/// A small seeded generator, so every run sees the same queries.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// Any Unicode scalar value, surrogates aside.
    fn any_char(&mut self) -> char {
        loop {
            let raw = match self.below(4) {
                0 => self.below(0x80),
                1 => self.below(0x3000),
                _ => self.below(0x11_0000),
            };
            if let Some(c) = char::from_u32(raw as u32) {
                return c;
            }
        }
    }
}

const PUNCTUATION: &[char] = &[
    '"', '-', '\'', '.', ',', '!', '?', ';', ':', '(', ')', '/', '\u{201c}', '\u{201d}',
    '\u{201e}', '\u{2013}', '\u{2014}', '\u{2026}', '*', '#', ' ', '\t', '\n',
];
const STOP_WORDS: &[&str] = &[
    "de", "het", "een", "en", "van", "in", "op", "dat", "die", "is", "niet", "te", "wel", "ook",
    "zijn",
];
const WORDS: &[&str] = &[
    "zorg",
    "jeugdzorg",
    "gemeenten",
    "bezuinigingen",
    "wmo",
    "wet",
    "regel",
    "cliënt",
    "participatiewt",
    "ge-eist",
    "404",
    "2015",
    "dichter",
    "burger",
    "transitie",
    "eenzaamhied",
    "z",
    "zo",
    "zorgaanbieders",
    "mantelzorg",
    "één",
];

/// One query of the given family.
fn query(rng: &mut XorShift, family: usize) -> String {
    match family {
        // Any Unicode, short.
        0 => (0..rng.below(80)).map(|_| rng.any_char()).collect(),
        // Very long: 10 000 characters of words, quotes and dashes.
        1 => {
            let mut q = String::new();
            while q.chars().count() < 10_000 {
                q.push_str(rng.pick(WORDS));
                q.push(rng.pick(PUNCTUATION));
            }
            q.chars().take(10_000).collect()
        }
        // Only punctuation and spaces.
        2 => (0..rng.below(60)).map(|_| rng.pick(PUNCTUATION)).collect(),
        // Only stop words, some quoted or excluded.
        3 => (0..1 + rng.below(12))
            .map(|_| {
                format!(
                    "{}{}{}",
                    rng.pick(&["", "-", "\""]),
                    rng.pick(STOP_WORDS),
                    rng.pick(&[" ", "\" ", "-"])
                )
            })
            .collect(),
        // Words with quotes and dashes everywhere.
        4 => (0..1 + rng.below(20))
            .map(|_| {
                format!(
                    "{}{}{}",
                    rng.pick(&["", "-", "\"", "-\"", "--", "„"]),
                    rng.pick(WORDS),
                    rng.pick(PUNCTUATION)
                )
            })
            .collect(),
        // Words with random characters in between (typos, marks, emoji).
        _ => (0..1 + rng.below(6))
            .map(|_| format!("{}{} ", rng.pick(WORDS), rng.any_char()))
            .collect(),
    }
}

/// Random filters over the real corpus, sometimes none.
fn filters(rng: &mut XorShift) -> Filters {
    let corpus = verkenner::corpus();
    let mut filters = Filters::default();
    if rng.below(2) == 0 {
        return filters;
    }
    filters.themes.push(rng.below(corpus.themes.len()) as u8);
    filters.stances.push(rng.pick(&Stance::ALL));
    if rng.below(2) == 0 {
        filters.kinds.push(rng.pick(&Kind::ALL));
        filters.years.push(rng.pick(&[None, Some(2017), Some(1900)]));
    }
    filters
}

/// What holds for any answer: the limit, marks and snippets inside the text on character
/// boundaries, an explanation for every hit of a non-empty query.
#[track_caller]
fn check(query: &str, results: &Results, limit: usize) {
    assert!(
        results.hits.len() <= limit && results.hits.len() <= results.total,
        "{query:?}: more hits than asked"
    );
    for hit in &results.hits {
        let text = &verkenner::corpus().passages[hit.passage as usize].text;
        assert_eq!(&hit.text, text, "{query:?}: the hit carries its passage's text");
        for &(s, e) in &hit.marks {
            assert!(s < e && text.get(s..e).is_some(), "{query:?}: mark {s}..{e} in the text");
        }
        let snippet = &hit.snippet;
        assert_eq!(
            text.get(snippet.offset..snippet.offset + snippet.text.len()),
            Some(snippet.text.as_str()),
            "{query:?}: snippet is a slice"
        );
        for &(s, e) in &snippet.marks {
            assert!(s < e && snippet.text.get(s..e).is_some(), "{query:?}: snippet mark {s}..{e}");
        }
        assert!(
            results.query.is_empty() || !hit.matched.is_empty(),
            "{query:?}: hit {} says why it matched",
            hit.passage
        );
    }
}

#[test]
fn any_query_is_answered_without_panic_in_bounded_time() {
    let engine = verkenner::engine();
    let mut rng = XorShift(0x5eed_cafe);
    let mut slowest = (Duration::ZERO, String::new());
    let mut count = 0;
    for family in 0..6 {
        for _ in 0..if family == 1 { 100 } else { 1_000 } {
            let query = query(&mut rng, family);
            let filters = filters(&mut rng);
            let limit = rng.pick(&[0, 1, 10, usize::MAX]);
            let start = Instant::now();
            let results = engine.search(&query, &filters, limit);
            let took = start.elapsed();
            check(&query, &results, limit);
            if took > slowest.0 {
                slowest = (took, query.chars().take(60).collect());
            }
            count += 1;
        }
    }
    println!("{count} random queries, slowest {:?} for {:?}", slowest.0, slowest.1);
    // Generous: a debug build on a busy machine; the point is "bounded", not "fast".
    assert!(slowest.0 < Duration::from_secs(2), "a query took {:?}: {:?}", slowest.0, slowest.1);
}

#[test]
fn what_a_query_holds_is_capped() {
    let mut rng = XorShift(7);
    for family in 0..6 {
        for _ in 0..200 {
            let q = parse(&query(&mut rng, family));
            assert!(q.words.len() <= MAX_WORDS && q.phrases.len() <= MAX_PHRASES, "{q:?}");
        }
    }
}

#[test]
fn a_query_of_only_stop_words_still_finds_passages() {
    let results = verkenner::engine().search("de het een ", &Filters::default(), 10);
    assert!(results.total > 0 && !results.hits.is_empty());
}

#[test]
fn an_exclusion_alone_lists_everything_else() {
    if std::env::var_os("VERKENNER_CORPUS").is_some() {
        return; // written from the real corpus
    }
    let corpus = verkenner::corpus();
    let engine = verkenner::engine();
    let all = engine.search("", &Filters::default(), usize::MAX);
    let without = engine.search("-jeugd", &Filters::default(), usize::MAX);
    let with = engine.search("jeugd ", &Filters::default(), usize::MAX);
    assert!(without.total < all.total && without.total > 0);
    assert!(without
        .hits
        .iter()
        .all(|h| !corpus.passages[h.passage as usize].text.to_lowercase().contains("jeugd")));
    assert!(without.hits.windows(2).all(|w| w[0].passage < w[1].passage), "in corpus order");
    // `-jeugd` leaves out exactly what `jeugd` finds: the word, its forms, its compounds.
    assert_eq!(with.total + without.total, all.total);
}
