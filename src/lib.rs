//! Verkenner sociaal domein: the core.
//!
//! The core never touches the DOM: it holds the corpus model and (later) the text analyser, the
//! index and the query engine, and compiles natively for tests and the command-line tool as
//! well as to wasm for the browser. The UI (`ui`, wasm only) sits on top of it.

pub mod corpus;
pub mod state;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod ui;

use std::sync::OnceLock;

pub use corpus::Corpus;

/// The corpus as validated and encoded by build.rs.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, decoded once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        corpus::decode(EMBEDDED).expect("corpus.bin is written by build.rs from this same model")
    })
}

/// The size of the embedded corpus in bytes, for size reports.
pub fn embedded_size() -> usize {
    EMBEDDED.len()
}
