//! Search over the real corpus: the relevance set in tests/relevance.toml, ranking rules,
//! facets, explanations and the command-line tool. Robustness against any query is in
//! `search_robustness`.

use serde::Deserialize;
use verkenner::corpus::{Kind, Stance};
use verkenner::search::Filters;

use crate::root;

/// The tests here are written from the real corpus; build.rs honours VERKENNER_CORPUS, and
/// with another corpus they have nothing to say.
fn other_corpus() -> bool {
    std::env::var_os("VERKENNER_CORPUS").is_some()
}

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
    /// An article id.
    document: Option<String>,
    /// A year, or `onbekend`.
    year: Option<String>,
    /// At least this many hits.
    min_hits: Option<usize>,
}

fn filters(case: &Case) -> Filters {
    let corpus = verkenner::corpus();
    let mut filters = Filters::default();
    if let Some(theme) = &case.theme {
        let idx = corpus
            .themes
            .iter()
            .position(|t| &t.id == theme)
            .unwrap_or_else(|| panic!("unknown theme {theme}"));
        filters.themes.push(idx as u8);
    }
    filters
        .stances
        .extend(case.stance.as_deref().map(|s| Stance::from_id(s).expect("known stance")));
    filters.kinds.extend(case.kind.as_deref().map(|k| Kind::from_id(k).expect("known kind")));
    if let Some(id) = &case.document {
        filters.documents.push(
            corpus
                .articles()
                .find(|(_, d)| &d.id == id)
                .unwrap_or_else(|| panic!("unknown article {id}"))
                .0,
        );
    }
    filters.years.extend(case.year.as_deref().map(|y| {
        if y == "onbekend" {
            None
        } else {
            Some(y.parse().expect("a year"))
        }
    }));
    filters
}

#[test]
fn the_relevance_set_passes() {
    if other_corpus() {
        return;
    }
    let text = std::fs::read_to_string(root().join("tests/relevance.toml")).expect("relevance set");
    let set: Set = toml::from_str(&text).expect("relevance set parses");
    assert!(set.case.len() >= 40, "at least 40 queries, found {}", set.case.len());
    let corpus = verkenner::corpus();
    let engine = verkenner::engine();
    let (mut expected, mut found, mut firsts, mut first_ok, mut top3s, mut top3_ok) =
        (0, 0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    for case in &set.case {
        let results = engine.search(&case.query, &filters(case), usize::MAX);
        let ranked: Vec<&str> =
            results.hits.iter().map(|h| corpus.passages[h.passage as usize].id.as_str()).collect();
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
                r => failures.push(format!(
                    "{:?}: {id} at rank {:?}, not in the top 3 ({:?})",
                    case.query,
                    r.map(|r| r + 1),
                    &ranked[..ranked.len().min(3)]
                )),
            }
        }
        if let Some(id) = &case.first {
            firsts += 1;
            match rank(id) {
                Some(0) => first_ok += 1,
                r => failures.push(format!(
                    "{:?}: {id} at rank {:?}, not first ({:?})",
                    case.query,
                    r.map(|r| r + 1),
                    ranked.first()
                )),
            }
        }
        for id in &case.absent {
            assert!(corpus.passage(id).is_some(), "{:?} names unknown passage {id}", case.query);
            if rank(id).is_some() {
                failures.push(format!("{:?}: {id} should not be found", case.query));
            }
        }
        if case.min_hits.is_some_and(|min| ranked.len() < min) {
            failures.push(format!(
                "{:?}: {} hits, fewer than {:?}",
                case.query,
                ranked.len(),
                case.min_hits
            ));
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
    if other_corpus() {
        return;
    }
    let corpus = verkenner::corpus();
    let engine = verkenner::engine();
    for query in [
        "zorg ",
        "client",
        "\"dichter bij de burger\"",
        "bezuinigingen",
        "participatie",
        "wijkteam",
    ] {
        let results = engine.search(query, &Filters::default(), 10);
        assert!(!results.hits.is_empty(), "{query:?} finds something");
        for hit in &results.hits {
            assert!(!hit.matched.is_empty(), "{query:?}: a hit says why it matched");
            let text = &corpus.passages[hit.passage as usize].text;
            assert_eq!(
                &text[hit.snippet.offset..hit.snippet.offset + hit.snippet.text.len()],
                hit.snippet.text
            );
            for &(s, e) in &hit.snippet.marks {
                assert!(s < e && e <= hit.snippet.text.len(), "{query:?}: mark in range");
            }
        }
    }
}

#[test]
fn facets_count_under_the_query_and_the_other_filters() {
    if other_corpus() {
        return;
    }
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
    let jeugd = corpus.themes.iter().position(|t| t.id == "jeugd").expect("theme jeugd");
    let kritisch_jeugd = corpus
        .passages
        .iter()
        .filter(|p| p.stance == Stance::Kritisch && p.themes.contains(&(jeugd as u8)))
        .count();
    assert_eq!(narrowed.facets.themes[jeugd] as usize, kritisch_jeugd);
    let years: u32 = all.facets.years.iter().map(|(_, n)| n).sum();
    assert_eq!(years as usize, corpus.passages.len());
}

#[test]
fn whole_words_rank_above_compound_parts() {
    if other_corpus() {
        return;
    }
    use verkenner::search::MatchKind;
    use verkenner::text::analyze;
    let corpus = verkenner::corpus();
    let results = verkenner::engine().search("zorg ", &Filters::default(), usize::MAX);
    // Judged by the passage text: the word itself, or only compounds that contain it.
    let has_word: Vec<bool> = results
        .hits
        .iter()
        .map(|h| {
            analyze(&corpus.passages[h.passage as usize].text).iter().any(|t| t.term == "zorg")
        })
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
            results.hits.iter().any(|h| h
                .matched
                .iter()
                .any(|m| m.term == compound && m.kind == MatchKind::Compound)),
            "zorg finds {compound}"
        );
    }
}

#[test]
fn all_words_beat_some_words() {
    if other_corpus() {
        return;
    }
    let engine = verkenner::engine();
    let results = engine.search("kwetsbare mensen", &Filters::default(), usize::MAX);
    let coverage: Vec<u32> = results.hits.iter().map(|h| h.coverage).collect();
    assert!(
        coverage.windows(2).all(|w| w[0] >= w[1]),
        "coverage never rises down the list: {coverage:?}"
    );
    assert_eq!(coverage[0], 2);
}

#[test]
fn the_command_line_tool_prints_json_hits() {
    if other_corpus() {
        return;
    }
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
    for args in [
        &["search", "--theme", "onbekend", "zorg"][..],
        &["search", "--limit", "veel", "zorg"],
        &["search", "--stance"],
        &["zoek"],
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_verkenner"))
            .args(args)
            .output()
            .expect("the tool runs");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.is_empty() && !stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
