//! The Unicode operations folding needs: compatibility decomposition with the marks removed
//! and lowercased, "is this a combining mark", and lowercasing.
//!
//! Natively (build script, tests, command-line tool) they come from the `unicode-normalization`
//! crate. In the browser they come from the JavaScript engine, which carries the same Unicode
//! data for `String.prototype.normalize`, `\p{M}` and `toLowerCase` anyway: linking the
//! crate's and the standard library's tables into the wasm would add about 160 KB raw (60 KB
//! brotli) to every first visit, a quarter of the app. Both follow the Unicode standard (NFKD,
//! General_Category = Mark, default case mapping); they can differ only for characters added
//! in a Unicode version one side does not know yet, which never occur in the corpus, and for
//! the Greek final sigma, which JavaScript lowercases by context. The browser tests search with decomposed, ligature and
//! diacritic forms to check that both sides agree where it matters.

/// `text` in compatibility decomposition (NFKD), without combining marks, lowercased, passed
/// to `out` one character at a time. Only called for text that is not plain ASCII.
#[cfg(not(target_arch = "wasm32"))]
pub fn decompose_unmarked_lower(text: &str, mut out: impl FnMut(char)) {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    for c in text.nfkd() {
        if !is_combining_mark(c) {
            c.to_lowercase().for_each(&mut out);
        }
    }
}

/// `text` lowercased (for labels in running text and sorting).
#[cfg(not(target_arch = "wasm32"))]
pub fn lowercase(text: &str) -> String {
    text.to_lowercase()
}

/// Whether `c` is a combining mark (General_Category Mark: Mn, Mc, Me).
#[cfg(not(target_arch = "wasm32"))]
pub fn is_combining_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

#[cfg(target_arch = "wasm32")]
mod host {
    use js_sys::{JsString, RegExp};

    thread_local! {
        static MARKS: RegExp = RegExp::new(r"\p{M}", "gu");
        static MARK: RegExp = RegExp::new(r"^\p{M}$", "u");
    }

    pub fn decompose_unmarked_lower(text: &str, mut out: impl FnMut(char)) {
        let decomposed = JsString::from(text).normalize("NFKD");
        let unmarked = MARKS.with(|marks| decomposed.replace_by_pattern(marks, ""));
        String::from(unmarked.to_lower_case()).chars().for_each(&mut out);
    }

    pub fn lowercase(text: &str) -> String {
        if text.is_ascii() {
            return text.to_ascii_lowercase();
        }
        JsString::from(text).to_lower_case().into()
    }

    pub fn is_combining_mark(c: char) -> bool {
        // ASCII holds no marks; only rarer characters ask the host.
        if c.is_ascii() {
            return false;
        }
        let mut buffer = [0; 4];
        MARK.with(|mark| mark.test(c.encode_utf8(&mut buffer)))
    }
}

#[cfg(target_arch = "wasm32")]
pub use host::{decompose_unmarked_lower, is_combining_mark, lowercase};
