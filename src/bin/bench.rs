//! `bench`: the native half of `make bench`.
//!
//! Builds deterministic synthetic corpora of 1 000, 10 000 and 100 000 passages from the real
//! passages (seeded), indexes each with the same code as build.rs, writes them for the
//! JavaScript half (tests/bench/bench.mjs), and prints native figures for reference: index
//! build time, sizes, and query latency median and p95 over a fixed query list.
//!
//!   cargo run --release --bin bench -- OUT_DIR

use std::path::PathBuf;
use std::time::Instant;

use verkenner::corpus::{encode, Corpus, Document, Passage};
use verkenner::index::{build, Index};
use verkenner::search::{Engine, Filters};

/// Queries a citizen types, as used by every engine in the benchmark.
pub const QUERIES: &[&str] = &[
    "zorg", "bezuinigingen", "gemeenten", "jeugdzorg", "wijkteam", "mantelzorgers", "regels", "kwetsbare mensen",
    "eigen kracht", "proeftuinen", "participatie", "vertrouwen", "bureaucratie", "decentralisatie", "samenwerking",
    "dichter bij de burger", "goedkoper", "wmo", "ouderen", "vernieuwing", "transitie", "zorgaanbieders",
    "innovatie", "inwoners betrekken", "client", "bezuinigngen", "eenzaamheid", "gem", "zelfred", "burgers",
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
            let picks: Vec<(usize, &str)> = (0..parts).map(|_| sentences[rng.below(sentences.len())]).collect();
            let source = &real.passages[picks[0].0];
            passages.push(Passage {
                id: format!("s{d}-{k}"),
                document: d as u16,
                heading: None,
                text: picks.iter().map(|(_, s)| *s).collect::<Vec<_>>().join(" "),
                stance: source.stance,
                themes: source.themes.clone(),
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

fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&out).expect("output folder");
    let real = verkenner::corpus().clone();
    let mut scales: Vec<(String, Corpus)> = vec![("real".into(), real.clone())];
    for (n, seed) in [(1_000, 1), (10_000, 2), (100_000, 3)] {
        scales.push((n.to_string(), synthetic(&real, n, seed)));
    }
    println!("native (this machine, release build; for reference)");
    println!("{:<8} {:>9} {:>10} {:>11} {:>11} {:>11}", "corpus", "passages", "index ms", "index KB", "median µs", "p95 µs");
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
        std::fs::write(out.join(format!("passages-{name}.json")), serde_json::to_vec(&passages).expect("json")).expect("write");

        let engine = Engine::new(corpus, &index);
        let filters = Filters::default();
        let mut times = Vec::new();
        let mut per_query = vec![Vec::new(); QUERIES.len()];
        for round in 0..5 {
            for (q, query) in QUERIES.iter().enumerate() {
                let start = Instant::now();
                let results = engine.search(query, &filters, 10);
                if round > 0 {
                    let micros = start.elapsed().as_secs_f64() * 1e6;
                    times.push(micros);
                    per_query[q].push(micros);
                }
                std::hint::black_box(results);
            }
        }
        times.sort_by(f64::total_cmp);
        // BENCH_VERBOSE=1 prints each query's median, to see where the time goes.
        if std::env::var_os("BENCH_VERBOSE").is_some() {
            for (query, mut t) in QUERIES.iter().zip(per_query) {
                t.sort_by(f64::total_cmp);
                println!("    {query:<28} {:>10.1} µs", percentile(&t, 0.5));
            }
        }
        println!(
            "{:<8} {:>9} {:>10.1} {:>11.1} {:>11.1} {:>11.1}",
            name,
            corpus.passages.len(),
            build_ms,
            index_bytes.len() as f64 / 1024.0,
            percentile(&times, 0.5),
            percentile(&times, 0.95)
        );
    }
    std::fs::write(out.join("queries.json"), serde_json::to_vec(QUERIES).expect("json")).expect("write");
}
