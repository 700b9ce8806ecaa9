//! Validates the corpus, indexes it and embeds both: `corpus/` -> validated model ->
//! `OUT_DIR/corpus.bin`, the search index -> `OUT_DIR/index.bin`, and the typical words of
//! each side with the validated framing words -> `OUT_DIR/words.bin`.
//!
//! Any error in a corpus file stops the build with the file, the line and what to fix.

use std::path::Path;

// The same parsing and validation code as the library and the command-line tool. The build
// uses only part of it, hence the allowance.
#[allow(dead_code, unused_imports)]
#[path = "src/corpus/mod.rs"]
mod corpus;
#[allow(dead_code, unused_imports)]
#[path = "src/index/mod.rs"]
mod index;
#[allow(dead_code, unused_imports)]
#[path = "src/text/mod.rs"]
mod text;
// The Woorden view's table: typical words and framing words (src/words/).
#[allow(dead_code, unused_imports)]
#[path = "src/words"]
mod words {
    pub mod keyness;
    pub mod table;
}

fn main() {
    // VERKENNER_CORPUS builds the app from another corpus folder (tests, trial corpora).
    println!("cargo:rerun-if-env-changed=VERKENNER_CORPUS");
    let dir = std::env::var_os("VERKENNER_CORPUS")
        .map_or_else(|| "corpus".into(), std::path::PathBuf::from);
    let dir = dir.as_path();
    println!("cargo:rerun-if-changed={}", dir.display());
    for file in corpus::input_files(dir) {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    match corpus::load_dir(dir) {
        Ok(corpus) => {
            let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
                .join("corpus.bin");
            std::fs::write(&out, corpus::encode(&corpus)).expect("OUT_DIR is writable");
            let index = index::build(&corpus);
            std::fs::write(out.with_file_name("index.bin"), index.encode())
                .expect("OUT_DIR is writable");
            write_words(dir, &corpus, &out.with_file_name("words.bin"));
        }
        Err(errors) => {
            eprintln!("\nThe corpus has errors; the app is not built.\n\n{errors}\n");
            std::process::exit(1);
        }
    }
}

/// Validates the framing words and writes them with the typical words of each side.
fn write_words(dir: &Path, corpus: &corpus::Corpus, out: &Path) {
    match corpus::framing::load(dir, corpus) {
        Ok(framing) => {
            let keywords = words::keyness::keywords(corpus, &Default::default());
            let table = words::table::Table { keywords, framing };
            std::fs::write(out, table.encode()).expect("OUT_DIR is writable");
        }
        Err(errors) => {
            eprintln!("\nThe corpus has errors; the app is not built.\n\n{errors}\n");
            std::process::exit(1);
        }
    }
}
