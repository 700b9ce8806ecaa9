//! The corpus: the curated texts with their annotations.
//!
//! `model` is what the app sees (and compiles everywhere, the browser included); `parse` and
//! `validate` turn the files in `corpus/` into that model and run natively only: in build.rs,
//! in tests and in the command-line tool. The browser never parses a corpus file.

pub mod framing;
pub mod model;

#[cfg(not(target_arch = "wasm32"))]
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod everyday;
#[cfg(not(target_arch = "wasm32"))]
pub mod parse;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;

pub use model::*;

#[cfg(not(target_arch = "wasm32"))]
pub use error::{CorpusError, CorpusErrors, ErrorKind};
#[cfg(not(target_arch = "wasm32"))]
pub use validate::{input_files, load_dir};

/// The embedded form: the validated corpus, serialised with postcard by build.rs.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    postcard::to_allocvec(corpus)
        .expect("a corpus always serialises: it holds only strings, numbers and lists")
}

/// Decodes bytes written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Corpus, postcard::Error> {
    postcard::from_bytes(bytes)
}
