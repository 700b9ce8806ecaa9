//! One integration test binary: the corpus pipeline, end to end, on fixtures and on the real
//! corpus.

// Tests run natively: the one-sort rule of clippy.toml is for the wasm.
#![allow(clippy::disallowed_methods)]

mod corpus_errors;
mod embedded;
mod everyday;
mod real_corpus;
mod search;
mod words;

use std::path::{Path, PathBuf};

/// The repository root, where `corpus/` and `tests/` live.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh copy of the valid fixture corpus with the files of `overlay` laid over it, in a
/// temporary folder of its own.
pub fn fixture_with(overlay: Option<&Path>, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("verkenner-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&root().join("tests/fixtures/ok"), &dir);
    if let Some(overlay) = overlay {
        copy_dir(overlay, &dir);
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("temporary folder is writable");
    for entry in std::fs::read_dir(from).expect("fixture folder exists") {
        let entry = entry.expect("fixture entry is readable");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type is readable").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("fixture file copies");
        }
    }
}
mod corpus_fuzz;
mod search_robustness;
mod structure;
