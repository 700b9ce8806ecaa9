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
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().chunks(32).map(|c| c.concat() + "\n").collect();
    let golden = root().join("tests/fixtures/ok.corpus.hex");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &hex).expect("golden file is writable");
    }
    let expected = std::fs::read_to_string(&golden).expect("golden file exists (run with UPDATE_GOLDEN=1 to write it)");
    assert_eq!(hex, expected, "the embedded format changed; if on purpose, run with UPDATE_GOLDEN=1 and review the diff");
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
