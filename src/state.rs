//! The app's state as it lives in the URL query string.
//!
//! Everything a reader sees is described by a [`Route`], which is read from and written to the
//! query string of the one `index.html`, so any view can be shared, bookmarked and restored with
//! Back. Parsing never fails: unknown parameters are ignored, malformed percent-escapes are kept
//! as text, and values that name nothing in the corpus are resolved (or not) by the views.

/// What the URL says the reader is looking at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Route {
    /// The open document (`doc`): an article or a comment id.
    pub doc: Option<String>,
    /// The passage to scroll to and mark in the open document (`passage`).
    pub passage: Option<String>,
}

/// Longest parameter value kept; longer values are cut (ids are short, URLs can be huge).
const MAX_VALUE_CHARS: usize = 200;

impl Route {
    /// Reads a query string, with or without its leading `?`.
    pub fn from_query(query: &str) -> Route {
        let mut route = Route::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode_component(value);
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let value: String = value.chars().take(MAX_VALUE_CHARS).collect();
            match decode_component(key).as_str() {
                "doc" => route.doc = Some(value),
                "passage" => route.passage = Some(value),
                _ => {}
            }
        }
        if route.doc.is_none() {
            route.passage = None;
        }
        route
    }

    /// The query string for this route, without `?`; empty for the start view.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(doc) = &self.doc {
            parts.push(format!("doc={}", encode_component(doc)));
            if let Some(passage) = &self.passage {
                parts.push(format!("passage={}", encode_component(passage)));
            }
        }
        parts.join("&")
    }

    /// The start view: the list of documents.
    pub fn home() -> Route {
        Route::default()
    }

    pub fn document(id: &str) -> Route {
        Route { doc: Some(id.to_string()), passage: None }
    }

    pub fn passage(doc: &str, passage: &str) -> Route {
        Route { doc: Some(doc.to_string()), passage: Some(passage.to_string()) }
    }
}

/// Decodes `%XX` escapes and `+` (a space in query strings). Invalid escapes stay as written;
/// bytes that do not form UTF-8 become U+FFFD.
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(hi), Some(lo)) => {
                        out.push(hi << 4 | lo);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Escapes everything but unreserved characters (RFC 3986), so values survive any URL.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(query: &str, doc: Option<&str>, passage: Option<&str>) {
        let route = Route::from_query(query);
        assert_eq!(
            (route.doc.as_deref(), route.passage.as_deref()),
            (doc, passage),
            "query {query:?}"
        );
    }

    #[test]
    fn reads_routes() {
        check("", None, None);
        check("?", None, None);
        check("?doc=stop-doemdenken", Some("stop-doemdenken"), None);
        check("doc=a&passage=a-2", Some("a"), Some("a-2"));
        check("?passage=a-2", None, None);
        check("?doc=", None, None);
        check("?doc=a&unknown=1&&=&x", Some("a"), None);
        check("?doc=a&doc=b", Some("b"), None);
        check("?doc=%3Cscript%3E", Some("<script>"), None);
        check("?doc=%E0%A4%A", Some("\u{fffd}%A"), None);
        check("?doc=%", Some("%"), None);
        check("?doc=%zz", Some("%zz"), None);
        check("?doc=a+b", Some("a b"), None);
        check("?doc=%F0%9F%98%80", Some("😀"), None);
    }

    #[test]
    fn cuts_huge_values() {
        let route = Route::from_query(&format!("?doc={}", "x".repeat(100_000)));
        assert_eq!(route.doc.map(|d| d.chars().count()), Some(MAX_VALUE_CHARS));
    }

    #[test]
    fn round_trips() {
        for route in [
            Route::home(),
            Route::document("kinderschoenen"),
            Route::passage("a b&c=d", "ë/?#%"),
        ] {
            assert_eq!(Route::from_query(&route.to_query()), route, "query {}", route.to_query());
        }
    }

    #[test]
    fn decodes_any_bytes_without_panic() {
        for text in ["%", "%%", "%%%", "%a", "%ag", "%C3", "%C3%", "%FF%FE", "é%", "+%2"] {
            let _ = decode_component(text);
        }
        assert_eq!(decode_component("%C3%ABn"), "ën");
    }
}
