//! Search over the real corpus: the relevance set in tests/relevance.toml, the command-line
//! tool, and robustness against any query.

use std::time::{Duration, Instant};

use serde::Deserialize;
use verkenner::corpus::{Kind, Stance};
use verkenner::search::Filters;

use crate::root;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Set {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    query: String,
    #[serde(default)]
    find: Vec<String>,
    #[serde(default)]
    top3: Vec<String>,
    first: Option<String>,
    #[serde(default)]
    absent: Vec<String>,
    theme: Option<String>,
    stance: Option<String>,
    kind: Option<String>,
}

fn filters(case: &Case) -> Filters {
    let corpus = verkenner::corpus();
    let mut filters = Filters::default();
    if let Some(theme) = &case.theme {
        let idx = corpus.themes.iter().position(|t| &t.id == theme).unwrap_or_else(|| panic!("unknown theme {theme}"));
        filters.themes.push(idx as u8);
    }
    filters.stances.extend(case.stance.as_deref().map(|s| Stance::from_id(s).expect("known stance")));
    filters.kinds.extend(case.kind.as_deref().map(|k| Kind::from_id(k).expect("known kind")));
    filters
}

#[test]
fn the_relevance_set_passes() {
    if std::env::var_os("VERKENNER_CORPUS").is_some() {
        return; // the set is written for the real corpus
    }
    let text = std::fs::read_to_string(root().join("tests/relevance.toml")).expect("relevance set");
    let set: Set = toml::from_str(&text).expect("relevance set parses");
    assert!(set.case.len() >= 40, "at least 40 queries, found {}", set.case.len());
    let corpus = verkenner::corpus();
    let engine = verkenner::engine();
    let (mut expected, mut found, mut firsts, mut first_ok, mut top3s, mut top3_ok) = (0, 0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    for case in &set.case {
        let results = engine.search(&case.query, &filters(case), usize::MAX);
        let ranked: Vec<&str> = results.hits.iter().map(|h| corpus.passages[h.passage as usize].id.as_str()).collect();
        let rank = |id: &str| ranked.iter().position(|r| *r == id);
        for id in case.find.iter().chain(&case.top3).chain(&case.first) {
            assert!(corpus.passage(id).is_some(), "{:?} names unknown passage {id}", case.query);
            expected += 1;
            if rank(id).is_some() {
                found += 1;
            } else {
                failures.push(format!("{:?}: {id} not found", case.query));
            }
        }
        for id in &case.top3 {
            top3s += 1;
            match rank(id) {
                Some(r) if r < 3 => top3_ok += 1,
                r => failures.push(format!("{:?}: {id} at rank {:?}, not in the top 3 ({:?})", case.query, r.map(|r| r + 1), &ranked[..ranked.len().min(3)])),
            }
        }
        if let Some(id) = &case.first {
            firsts += 1;
            match rank(id) {
                Some(0) => first_ok += 1,
                r => failures.push(format!("{:?}: {id} at rank {:?}, not first ({:?})", case.query, r.map(|r| r + 1), ranked.first())),
            }
        }
        for id in &case.absent {
            if rank(id).is_some() {
                failures.push(format!("{:?}: {id} should not be found", case.query));
            }
        }
    }
    println!(
        "relevance: {} queries, recall {found}/{expected}, first {first_ok}/{firsts}, top-3 {top3_ok}/{top3s}",
        set.case.len()
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn hits_explain_themselves_and_mark_original_text() {
    let corpus = verkenner::corpus();
    let engine = verkenner::engine();
    for query in ["zorg ", "client", "\"dichter bij de burger\"", "bezuinigingen", "participatie", "wijkteam"] {
        let results = engine.search(query, &Filters::default(), 10);
        assert!(!results.hits.is_empty(), "{query:?} finds something");
        for hit in &results.hits {
            assert!(!hit.matched.is_empty(), "{query:?}: a hit says why it matched");
            let text = &corpus.passages[hit.passage as usize].text;
            assert_eq!(&text[hit.snippet.offset..hit.snippet.offset + hit.snippet.text.len()], hit.snippet.text);
            for &(s, e) in &hit.snippet.marks {
                assert!(s < e && e <= hit.snippet.text.len(), "{query:?}: mark in range");
            }
        }
    }
}

#[test]
fn facets_count_under_the_query_and_the_other_filters() {
    let corpus = verkenner::corpus();
    let engine = verkenner::engine();
    let all = engine.search("", &Filters::default(), usize::MAX);
    assert_eq!(all.total, corpus.passages.len(), "an empty query lists the whole corpus");
    assert_eq!(all.facets.stances.iter().sum::<u32>() as usize, corpus.passages.len());
    let kritisch = Filters { stances: vec![Stance::Kritisch], ..Filters::default() };
    let narrowed = engine.search("", &kritisch, usize::MAX);
    assert_eq!(narrowed.total, all.facets.stances[Stance::Kritisch as usize] as usize);
    // The stance facet ignores its own filter; the theme facet respects it.
    assert_eq!(narrowed.facets.stances, all.facets.stances);
    let jeugd = corpus.themes.iter().position(|t| t.id == "jeugd").expect("theme jeugd") ;
    let kritisch_jeugd = corpus.passages.iter().filter(|p| p.stance == Stance::Kritisch && p.themes.contains(&(jeugd as u8))).count();
    assert_eq!(narrowed.facets.themes[jeugd] as usize, kritisch_jeugd);
    let years: u32 = all.facets.years.iter().map(|(_, n)| n).sum();
    assert_eq!(years as usize, corpus.passages.len());
}

#[test]
fn whole_words_rank_above_compound_parts() {
    use verkenner::search::MatchKind;
    use verkenner::text::analyze;
    let corpus = verkenner::corpus();
    let results = verkenner::engine().search("zorg ", &Filters::default(), usize::MAX);
    // Judged by the passage text: the word itself, or only compounds that contain it.
    let has_word: Vec<bool> = results
        .hits
        .iter()
        .map(|h| analyze(&corpus.passages[h.passage as usize].text).iter().any(|t| t.term == "zorg"))
        .collect();
    let last_word = has_word.iter().rposition(|&w| w).expect("zorg occurs as a word");
    let first_compound_only = results
        .hits
        .iter()
        .zip(&has_word)
        .position(|(h, &w)| !w && h.matched.iter().any(|m| m.kind == MatchKind::Compound))
        .expect("zorg occurs in compounds");
    assert!(last_word < first_compound_only, "word matches: {has_word:?}");
    for compound in ["jeugdzorg", "zorgaanbieders", "mantelzorgers"] {
        assert!(
            results.hits.iter().any(|h| h.matched.iter().any(|m| m.term == compound && m.kind == MatchKind::Compound)),
            "zorg finds {compound}"
        );
    }
}

#[test]
fn all_words_beat_some_words() {
    let engine = verkenner::engine();
    let results = engine.search("kwetsbare mensen", &Filters::default(), usize::MAX);
    let coverage: Vec<u32> = results.hits.iter().map(|h| h.coverage).collect();
    assert!(coverage.windows(2).all(|w| w[0] >= w[1]), "coverage never rises down the list: {coverage:?}");
    assert_eq!(coverage[0], 2);
}

/// A small seeded generator, so the robustness test is repeatable.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn char(&mut self) -> char {
        const PIECES: &[char] = &['"', '-', ' ', ' ', '\u{201c}', '\u{201d}', '.', 'é', 'ë', 'ĳ', '\u{200b}', '\u{202e}', '😀', '\u{0301}', 'z', 'o', 'r', 'g'];
        match self.next() % 4 {
            0 => PIECES[(self.next() % PIECES.len() as u64) as usize],
            1 => char::from_u32((self.next() % 0x3000) as u32).unwrap_or('x'),
            _ => (b'a' + (self.next() % 26) as u8) as char,
        }
    }
}

#[test]
fn any_query_is_answered_without_panic_in_bounded_time() {
    let engine = verkenner::engine();
    let mut rng = XorShift(0x5eed_cafe);
    let mut queries: Vec<String> = vec![
        String::new(),
        "x".repeat(10_000),
        "zorg ".repeat(2_000),
        "\"".repeat(500),
        "-".repeat(500),
        "!?.,;:()[]{}".repeat(100),
        "de het een en van in op".into(),
        "\"de het\" -de -het".into(),
        "\u{202e}\u{200b}😀\u{0301}".into(),
        "- -- --- \" \"\" \"-\"".into(),
    ];
    for _ in 0..2_000 {
        let len = (rng.next() % 60) as usize;
        queries.push((0..len).map(|_| rng.char()).collect());
    }
    let mut slowest = Duration::ZERO;
    for query in &queries {
        let start = Instant::now();
        let filters = Filters::default();
        let results = engine.search(query, &filters, 20);
        assert!(results.hits.len() <= 20);
        slowest = slowest.max(start.elapsed());
    }
    println!("{} queries, slowest {:?}", queries.len(), slowest);
    // Generous: a debug build on a busy machine; the point is "bounded", not "fast".
    assert!(slowest < Duration::from_secs(2), "a query took {slowest:?}");
}

#[test]
fn the_command_line_tool_prints_json_hits() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_verkenner"))
        .args(["search", "--json", "--limit", "3", "--stance", "kritisch", "bezuinigingen"])
        .output()
        .expect("the tool runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let hits: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let hits = hits.as_array().expect("an array of hits");
    assert!(!hits.is_empty() && hits.len() <= 3);
    for hit in hits {
        for field in ["passage", "document", "text", "score", "snippet", "matched"] {
            assert!(hit.get(field).is_some(), "hit lacks {field}: {hit}");
        }
        assert_eq!(hit["stance"], "kritisch");
    }
}

#[test]
fn the_command_line_tool_rejects_bad_arguments_clearly() {
    for args in [&["search", "--theme", "onbekend", "zorg"][..], &["search", "--limit", "veel", "zorg"], &["search", "--stance"], &["zoek"]] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_verkenner")).args(args).output().expect("the tool runs");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.is_empty() && !stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
