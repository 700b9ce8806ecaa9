//! The embedded form: a golden file pins the bytes, so a change of the model or of the
//! serialisation shows up in review instead of silently in the browser.

use verkenner::corpus::{decode, encode, load_dir};

use crate::{fixture_with, root};

#[test]
fn the_format_is_pinned_by_a_golden_file() {
    let dir = fixture_with(None, "golden");
    let corpus = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(dir);
    let bytes = encode(&corpus);
    let hex: String = bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .chunks(32)
        .map(|c| c.concat() + "\n")
        .collect();
    let golden = root().join("tests/fixtures/ok.corpus.hex");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &hex).expect("golden file is writable");
    }
    let expected = std::fs::read_to_string(&golden)
        .expect("golden file exists (run with UPDATE_GOLDEN=1 to write it)");
    assert_eq!(
        hex, expected,
        "the embedded format changed; if on purpose, run with UPDATE_GOLDEN=1 and review the diff"
    );
    assert_eq!(decode(&bytes).expect("golden bytes decode"), corpus);
}

#[test]
fn truncated_bytes_are_an_error_not_a_panic() {
    let dir = fixture_with(None, "truncated");
    let corpus = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(dir);
    let bytes = encode(&corpus);
    for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
        assert!(decode(&bytes[..cut]).is_err(), "{cut} bytes decoded");
    }
}

/// The valid fixture and its index, encoded.
fn fixture_index_bytes(name: &str) -> (verkenner::Corpus, Vec<u8>) {
    let dir = fixture_with(None, name);
    let corpus = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(dir);
    let bytes = verkenner::index::build(&corpus).encode();
    (corpus, bytes)
}

#[test]
fn the_index_format_is_pinned_by_a_golden_file() {
    let (corpus, bytes) = fixture_index_bytes("golden-index");
    let hex: String = bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .chunks(32)
        .map(|c| c.concat() + "\n")
        .collect();
    let golden = root().join("tests/fixtures/ok.index.hex");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &hex).expect("golden file is writable");
    }
    let expected = std::fs::read_to_string(&golden)
        .expect("golden file exists (run with UPDATE_GOLDEN=1 to write it)");
    assert_eq!(hex, expected, "the index format changed; if on purpose, bump index::FORMAT_VERSION, run with UPDATE_GOLDEN=1 and review the diff");
    let index =
        verkenner::index::Index::decode(&bytes, &corpus.synonyms).expect("golden bytes decode");
    assert_eq!(index, verkenner::index::build(&corpus), "decoding gives the index that was built");
    assert_eq!(index.encode(), bytes, "decoding and encoding again gives the same bytes");
    // The synonyms come from the corpus: other ones than the index was built with are refused
    // (the real corpus lists phrases, whose postings the index holds).
    let real = verkenner::corpus();
    let real_bytes = verkenner::index::build(real).encode();
    assert!(verkenner::index::Index::decode(&real_bytes, &real.synonyms).is_ok());
    assert!(
        verkenner::index::Index::decode(&real_bytes, &[]).is_err(),
        "the index needs the synonyms it was built with"
    );
}

#[test]
fn damaged_index_bytes_are_an_error_not_a_panic() {
    let (fixture, bytes) = fixture_index_bytes("damaged-index");
    for cut in [0, 1, 2, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            verkenner::index::Index::decode(&bytes[..cut], &[]).is_err(),
            "{cut} bytes decoded"
        );
    }
    let mut other_version = bytes.clone();
    other_version[0] = other_version[0].wrapping_add(1);
    assert!(
        verkenner::index::Index::decode(&other_version, &[]).is_err(),
        "another version decoded"
    );
    // Flipping any byte either fails to decode or decodes to an index the engine can use.
    let corpus = verkenner::corpus();
    for i in 0..bytes.len() {
        let mut damaged = bytes.clone();
        damaged[i] ^= 0x5a;
        if let Ok(index) = verkenner::index::Index::decode(&damaged, &fixture.synonyms) {
            let engine = verkenner::search::Engine::new(corpus, &index);
            let _ = engine.search(
                "zorg gemeente \"de burger\" -jeugd",
                &verkenner::search::Filters::default(),
                5,
            );
        }
    }
}
