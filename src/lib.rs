//! Verkenner sociaal domein: the core.
//!
//! The core never touches the DOM: it holds the corpus model, the text analyser, the index and
//! the query engine, and compiles natively for tests and the command-line tool as
//! well as to wasm for the browser. The UI (`ui`, wasm only) sits on top of it.

pub mod bridge;
pub mod corpus;
pub mod glossary;
pub mod index;
pub mod report;
pub mod search;
pub mod sides;
pub mod sort;
pub mod state;
pub mod text;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench_api;

use std::sync::OnceLock;

pub use corpus::Corpus;

/// The corpus as validated and encoded by build.rs.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, decoded once on first use. The bytes come from build.rs and the same
/// model, so they always decode (tests/it checks it); the panic leaves the error out, as
/// formatting it for this case that cannot happen would cost every first visit wasm bytes
/// (README, Performance).
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        corpus::decode(EMBEDDED)
            .unwrap_or_else(|_| panic!("corpus.bin is written by build.rs from this same model"))
    })
}

/// The search index as built by build.rs from the same corpus.
static EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// The embedded index, decoded once on first use; its postings are borrowed from the
/// embedded bytes, not copied.
pub fn index() -> &'static index::Index<'static> {
    static INDEX: OnceLock<index::Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| {
        index::Index::decode(EMBEDDED_INDEX, &corpus().synonyms)
            .unwrap_or_else(|_| panic!("index.bin is written by build.rs from this same model"))
    })
}

/// The search engine over the embedded corpus and index, set up once on first use.
pub fn engine() -> &'static search::Engine<'static> {
    static ENGINE: OnceLock<search::Engine<'static>> = OnceLock::new();
    ENGINE.get_or_init(|| search::Engine::new(corpus(), index()))
}

/// Sizes of the embedded corpus and index in bytes, for size reports.
pub fn embedded_sizes() -> (usize, usize) {
    (EMBEDDED.len(), EMBEDDED_INDEX.len())
}
