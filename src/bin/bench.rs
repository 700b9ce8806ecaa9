//! `bench`: the native half of `make bench`.
//!
//! Builds deterministic synthetic corpora of 1 000, 10 000 and 100 000 passages from the real
//! passages (seeded), indexes each with the same code as build.rs, writes them for the
//! JavaScript half (tests/bench/bench.mjs), and prints native figures for reference: index
//! build time, sizes, start-up, and query latency median and p95 over a fixed query list, of
//! [`Engine::search`] as the app calls it on each keystroke: the top 10 with facet counts and
//! explained hits with snippets. It also writes the relevance set (tests/relevance.toml) with our answers and the real
//! corpus's passage metadata, so the JavaScript half scores the peers the same way.
//!
//!   cargo run --release --bin bench -- OUT_DIR

// A native tool: the one-sort rule of clippy.toml is for the wasm.
#![allow(clippy::disallowed_methods)]

use std::path::PathBuf;
use std::time::Instant;

use verkenner::corpus::{encode, Corpus, Document, Passage};
use verkenner::index::{build, Index};
use verkenner::search::{Engine, Filters};
use verkenner::state::FilterParams;

/// Queries a citizen types, as used by every engine in the benchmark.
pub const QUERIES: &[&str] = &[
    "zorg",
    "bezuinigingen",
    "gemeenten",
    "jeugdzorg",
    "wijkteam",
    "mantelzorgers",
    "regels",
    "kwetsbare mensen",
    "eigen kracht",
    "proeftuinen",
    "participatie",
    "vertrouwen",
    "bureaucratie",
    "decentralisatie",
    "samenwerking",
    "dichter bij de burger",
    "goedkoper",
    "wmo",
    "ouderen",
    "vernieuwing",
    "transitie",
    "zorgaanbieders",
    "innovatie",
    "inwoners betrekken",
    "client",
    "bezuinigngen",
    "eenzaamheid",
    "gem",
    "zelfred",
    "burgers",
];

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A corpus of `n` passages: each 2 to 4 sentences drawn from real passages, taking stance
/// and themes from its first sentence's passage; documents of 25 passages with real titles.
fn synthetic(real: &Corpus, n: usize, seed: u64) -> Corpus {
    let mut rng = XorShift(seed);
    let sentences: Vec<(usize, &str)> = real
        .passages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.text.split_inclusive(". ").map(move |s| (i, s.trim())))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    let articles: Vec<&Document> = real.articles().map(|(_, d)| d).collect();
    let mut documents = Vec::new();
    let mut passages = Vec::new();
    for d in 0..n.div_ceil(25) {
        let template = articles[rng.below(articles.len())];
        let first = passages.len() as u32;
        let count = 25.min(n - passages.len());
        for k in 0..count {
            let parts = 2 + rng.below(3);
            let picks: Vec<(usize, &str)> =
                (0..parts).map(|_| sentences[rng.below(sentences.len())]).collect();
            let source = &real.passages[picks[0].0];
            passages.push(Passage {
                id: format!("s{d}-{k}"),
                document: d as u16,
                heading: None,
                text: picks.iter().map(|(_, s)| *s).collect::<Vec<_>>().join(" "),
                stance: source.stance,
                themes: source.themes.clone(),
                reason: None,
            });
        }
        documents.push(Document {
            id: format!("s{d}"),
            comments: Vec::new(),
            parent: None,
            first_passage: first,
            passage_count: count as u32,
            ..template.clone()
        });
    }
    Corpus { documents, passages, ..real.clone() }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Median and p95 in µs of `run` over the query list (5 rounds after a warm-up round), and
/// each query's median.
fn latency<R>(mut run: impl FnMut(&str) -> R) -> (f64, f64, Vec<f64>) {
    let mut times = Vec::new();
    let mut per_query = vec![Vec::new(); QUERIES.len()];
    for round in 0..6 {
        for (q, query) in QUERIES.iter().enumerate() {
            let start = Instant::now();
            let result = run(query);
            if round > 0 {
                let micros = start.elapsed().as_secs_f64() * 1e6;
                times.push(micros);
                per_query[q].push(micros);
            }
            std::hint::black_box(result);
        }
    }
    times.sort_by(f64::total_cmp);
    let medians = per_query
        .into_iter()
        .map(|mut t| {
            t.sort_by(f64::total_cmp);
            percentile(&t, 0.5)
        })
        .collect();
    (percentile(&times, 0.5), percentile(&times, 0.95), medians)
}

/// The relevance set with our answers, and the passages' metadata, for the JavaScript half.
fn relevance_json(engine: &Engine) -> serde_json::Value {
    let corpus = engine.corpus();
    let text = std::fs::read_to_string("tests/relevance.toml")
        .expect("tests/relevance.toml (run from the repository root)");
    let set: toml::Table = toml::from_str(&text).expect("relevance set parses");
    let strings = |case: &toml::Table, key: &str| -> Vec<String> {
        match case.get(key) {
            Some(toml::Value::String(s)) => vec![s.clone()],
            Some(toml::Value::Array(a)) => {
                a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()
            }
            Some(toml::Value::Integer(i)) => vec![i.to_string()],
            _ => Vec::new(),
        }
    };
    let cases: Vec<serde_json::Value> = set["case"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|case| {
            let case = case.as_table().expect("a case is a table");
            let params = FilterParams {
                themes: strings(case, "theme"),
                stances: strings(case, "stance"),
                kinds: strings(case, "kind"),
                documents: strings(case, "document"),
                years: strings(case, "year"),
            };
            let query = case["query"].as_str().expect("query");
            let ours: Vec<&str> = engine.search(query, &Filters::from_params(&params, corpus), usize::MAX).hits.iter().map(|h| corpus.passages[h.passage as usize].id.as_str()).collect();
            serde_json::json!({
                "query": query,
                "find": strings(case, "find"), "top3": strings(case, "top3"), "first": strings(case, "first"), "absent": strings(case, "absent"),
                "min_hits": case.get("min_hits").and_then(|v| v.as_integer()),
                "filters": { "theme": params.themes, "stance": params.stances, "kind": params.kinds, "document": params.documents, "year": params.years },
                "ours": ours,
            })
        })
        .collect();
    let passages: Vec<serde_json::Value> = (0..corpus.passages.len() as u32)
        .map(|i| {
            let p = &corpus.passages[i as usize];
            let doc = &corpus.documents[p.document as usize];
            serde_json::json!({
                "id": p.id,
                "theme": p.themes.iter().map(|&t| corpus.themes[t as usize].id.as_str()).collect::<Vec<_>>(),
                "stance": p.stance.id(),
                "kind": doc.kind.id(),
                "document": corpus.documents[corpus.article_of(p.document) as usize].id,
                "year": verkenner::search::year_id(verkenner::search::year_of(corpus, i)),
            })
        })
        .collect();
    serde_json::json!({ "cases": cases, "passages": passages })
}

fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&out).expect("output folder");
    let real = verkenner::corpus().clone();
    let mut scales: Vec<(String, Corpus)> = vec![("real".into(), real.clone())];
    for (n, seed) in [(1_000, 1), (10_000, 2), (100_000, 3)] {
        scales.push((n.to_string(), synthetic(&real, n, seed)));
    }
    println!("native (this machine, release build; for reference): search as the app runs it, top 10 with facets and explained hits, µs");
    println!(
        "{:<8} {:>9} {:>10} {:>10} {:>9} {:>11} {:>11}",
        "corpus", "passages", "index ms", "index KB", "start ms", "median", "p95"
    );
    for (name, corpus) in &scales {
        let start = Instant::now();
        let index: Index = build(corpus);
        let build_ms = start.elapsed().as_secs_f64() * 1e3;
        let corpus_bytes = encode(corpus);
        let index_bytes = index.encode();
        std::fs::write(out.join(format!("corpus-{name}.bin")), &corpus_bytes).expect("write");
        std::fs::write(out.join(format!("index-{name}.bin")), &index_bytes).expect("write");
        let passages: Vec<serde_json::Value> = corpus
            .passages
            .iter()
            .map(|p| {
                let doc = &corpus.documents[corpus.article_of(p.document) as usize];
                serde_json::json!({ "id": p.id, "text": p.text, "title": doc.title })
            })
            .collect();
        std::fs::write(
            out.join(format!("passages-{name}.json")),
            serde_json::to_vec(&passages).expect("json"),
        )
        .expect("write");

        let start = Instant::now();
        let decoded = Index::decode(&index_bytes, &corpus.synonyms).expect("the index decodes");
        let engine = Engine::new(corpus, &decoded);
        let start_ms = start.elapsed().as_secs_f64() * 1e3;
        let filters = Filters::default();
        let (median, p95, each) = latency(|q| engine.search(q, &filters, 10));
        // BENCH_VERBOSE=1 prints each query's median, to see where the time goes.
        if std::env::var_os("BENCH_VERBOSE").is_some() {
            for (query, t) in QUERIES.iter().zip(each) {
                println!("    {query:<28} {t:>10.1} µs");
            }
        }
        println!(
            "{:<8} {:>9} {:>10.1} {:>10.1} {:>9.1} {:>11.1} {:>11.1}",
            name,
            corpus.passages.len(),
            build_ms,
            index_bytes.len() as f64 / 1024.0,
            start_ms,
            median,
            p95,
        );
        if name == "real" {
            std::fs::write(
                out.join("relevance.json"),
                serde_json::to_vec(&relevance_json(&engine)).expect("json"),
            )
            .expect("write");
        }
    }
    std::fs::write(out.join("queries.json"), serde_json::to_vec(QUERIES).expect("json"))
        .expect("write");
}
