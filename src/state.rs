//! The app's state as it lives in the URL query string.
//!
//! Everything a reader sees is described by a [`Route`], which is read from and written to the
//! query string of the one `index.html`, so any view can be shared, bookmarked and restored with
//! Back. Parsing never fails: unknown parameters are ignored, malformed percent-escapes are kept
//! as text, and values that name nothing in the corpus are resolved (or not) by the views.

/// The views of the app, each with its own `view=` value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// Search and filter all passages (the start view).
    #[default]
    Zoeken,
    /// The list of documents.
    Teksten,
    /// One document (`doc=`), optionally scrolled to a passage.
    Lezen,
    /// The glossary, optionally opened at one term (`begrip=`).
    Begrippen,
    /// The corpus at a glance: documents on a time line, themes against stances.
    Overzicht,
    /// Optimistic and critical voices side by side, grouped per theme or per key question.
    NaastElkaar,
    /// The accessibility statement: what was tested, how, and the known limits.
    Toegankelijkheid,
    /// How each side uses a word (`woord=`), in context, ordered by `orde=`; the words
    /// typical of each side; the framing words.
    Woorden,
}

/// How the side-by-side view groups passages (`groep=`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Grouping {
    #[default]
    Thema,
    Kernvraag,
}

impl Grouping {
    pub fn id(self) -> &'static str {
        match self {
            Grouping::Thema => "thema",
            Grouping::Kernvraag => "kernvraag",
        }
    }
}

impl View {
    pub fn id(self) -> &'static str {
        match self {
            View::Zoeken => "zoeken",
            View::Teksten => "teksten",
            View::Lezen => "lezen",
            View::Begrippen => "begrippen",
            View::Overzicht => "overzicht",
            View::NaastElkaar => "naast-elkaar",
            View::Toegankelijkheid => "toegankelijkheid",
            View::Woorden => "woorden",
        }
    }

    fn from_id(id: &str) -> Option<View> {
        [
            View::Zoeken,
            View::Teksten,
            View::Lezen,
            View::Begrippen,
            View::Overzicht,
            View::NaastElkaar,
            View::Toegankelijkheid,
            View::Woorden,
        ]
        .into_iter()
        .find(|v| v.id() == id)
    }
}

/// Filter values as written in the URL (ids); the views resolve them against the corpus and
/// ignore those that name nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterParams {
    /// `thema=`: theme ids.
    pub themes: Vec<String>,
    /// `kant=`: stance ids.
    pub stances: Vec<String>,
    /// `soort=`: kinds of source.
    pub kinds: Vec<String>,
    /// `document=`: article ids.
    pub documents: Vec<String>,
    /// `jaar=`: years, or `onbekend`.
    pub years: Vec<String>,
}

impl FilterParams {
    pub fn is_empty(&self) -> bool {
        self.themes.is_empty()
            && self.stances.is_empty()
            && self.kinds.is_empty()
            && self.documents.is_empty()
            && self.years.is_empty()
    }

    /// The filters as (URL key, values), in URL order.
    fn fields(&self) -> [(&'static str, &Vec<String>); 5] {
        [
            ("thema", &self.themes),
            ("kant", &self.stances),
            ("soort", &self.kinds),
            ("document", &self.documents),
            ("jaar", &self.years),
        ]
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut Vec<String>> {
        match key {
            "thema" => Some(&mut self.themes),
            "kant" => Some(&mut self.stances),
            "soort" => Some(&mut self.kinds),
            "document" => Some(&mut self.documents),
            "jaar" => Some(&mut self.years),
            _ => None,
        }
    }

    /// Adds or removes one value of a filter (`key` as in the URL).
    pub fn toggle(&mut self, key: &str, value: &str) {
        if let Some(values) = self.field_mut(key) {
            match values.iter().position(|v| v == value) {
                Some(i) => {
                    values.remove(i);
                }
                None => values.push(value.to_string()),
            }
        }
    }

    pub fn has(&self, key: &str, value: &str) -> bool {
        self.fields().iter().any(|(k, values)| *k == key && values.iter().any(|v| v == value))
    }
}

/// A colour scheme forced by the URL (`modus=`), for embeds that must match their page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Licht,
    Donker,
}

/// How the app presents itself, kept across navigation: embed mode (`embed=1`), an accent
/// colour (`accent=RRGGBB`), a forced colour scheme (`modus=licht|donker`) and a
/// municipality's look (`huisstijl=name`, loaded by the page's boot script when it names a
/// theme the build ships).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Display {
    pub embed: bool,
    /// Six hex digits, validated; anything else is ignored.
    pub accent: Option<String>,
    pub scheme: Option<Scheme>,
    /// Lowercase letters, digits and hyphens, at most 40; anything else is ignored.
    pub huisstijl: Option<String>,
}

impl Display {
    fn read(&mut self, key: &str, value: &str) -> bool {
        match key {
            "embed" => self.embed = value == "1",
            "accent" => {
                let hex = value.trim_start_matches('#');
                self.accent = (hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
                    .then(|| hex.to_ascii_lowercase());
            }
            "huisstijl" => {
                let name = value.to_ascii_lowercase();
                self.huisstijl = (name.len() <= 40
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
                .then_some(name);
            }
            "modus" => {
                self.scheme = match value {
                    "licht" => Some(Scheme::Licht),
                    "donker" => Some(Scheme::Donker),
                    _ => None,
                }
            }
            _ => return false,
        }
        true
    }

    fn write(&self, parts: &mut Vec<String>) {
        if self.embed {
            parts.push("embed=1".into());
        }
        if let Some(accent) = &self.accent {
            parts.push(format!("accent={accent}"));
        }
        match self.scheme {
            Some(Scheme::Licht) => parts.push("modus=licht".into()),
            Some(Scheme::Donker) => parts.push("modus=donker".into()),
            None => {}
        }
        if let Some(huisstijl) = &self.huisstijl {
            parts.push(format!("huisstijl={huisstijl}"));
        }
    }
}

/// What the URL says the reader is looking at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    /// The search text (`q=`), as typed.
    pub query: String,
    pub filters: FilterParams,
    /// The open document (`doc=`): an article or a comment id. Implies the reading view.
    pub doc: Option<String>,
    /// The passage to scroll to and mark in the open document (`passage=`).
    pub passage: Option<String>,
    /// The glossary term to show (`begrip=`), in the glossary view.
    pub term: Option<String>,
    /// The grouping of the side-by-side view (`groep=`).
    pub grouping: Grouping,
    /// One key question to show alone (`kernvraag=`): the side-by-side view grouped by key
    /// question, this one only. An id that names no key question shows none.
    pub question: Option<String>,
    pub display: Display,
    /// The word of the Woorden view (`woord=`), as typed; in the reading view, the word to
    /// mark.
    pub word: String,
    /// The order of the Woorden view's lines (`orde=`).
    pub order: crate::words::Order,
}

/// Longest parameter value kept; longer values are cut (ids are short, URLs can be huge).
const MAX_VALUE_CHARS: usize = 200;
/// At most this many values per filter.
const MAX_FILTER_VALUES: usize = 32;

impl Route {
    /// Reads a query string, with or without its leading `?`.
    pub fn from_query(query: &str) -> Route {
        let mut route = Route::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut view = None;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode_component(value);
            let value: String = value.trim().chars().take(MAX_VALUE_CHARS).collect();
            if value.is_empty() {
                continue;
            }
            let key = decode_component(key);
            if route.display.read(&key, &value) {
                continue;
            }
            match key.as_str() {
                "view" => view = View::from_id(&value),
                "q" => route.query = value,
                "doc" => route.doc = Some(value),
                "passage" => route.passage = Some(value),
                "begrip" => route.term = Some(value),
                "groep" if value == "kernvraag" => route.grouping = Grouping::Kernvraag,
                "woord" => route.word = value,
                "orde" => route.order = crate::words::Order::from_id(&value).unwrap_or_default(),
                "kernvraag" => route.question = Some(value),
                key => {
                    if let Some(values) = route.filters.field_mut(key) {
                        for v in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                            if values.len() < MAX_FILTER_VALUES && !values.iter().any(|x| x == v) {
                                values.push(v.to_string());
                            }
                        }
                    }
                }
            }
        }
        if route.question.is_some() && route.doc.is_none() {
            view = Some(View::NaastElkaar);
            route.grouping = Grouping::Kernvraag;
        }
        route.view = match (&route.doc, view) {
            (Some(_), _) => View::Lezen,
            (None, Some(View::Lezen)) | (None, None) => View::Zoeken,
            (None, Some(v)) => v,
        };
        if route.doc.is_none() {
            route.passage = None;
        }
        if route.view != View::NaastElkaar {
            route.question = None;
        }
        if route.view != View::Begrippen {
            route.term = None;
        }
        if !matches!(route.view, View::Woorden | View::Lezen) {
            route.word.clear();
        }
        if route.view != View::Woorden {
            route.order = crate::words::Order::Text;
        }
        route
    }

    /// The query string for this route, without `?`; empty for the start view.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !matches!(self.view, View::Zoeken | View::Lezen) {
            parts.push(format!("view={}", self.view.id()));
        }
        if let Some(doc) = &self.doc {
            parts.push(format!("doc={}", encode_component(doc)));
            if let Some(passage) = &self.passage {
                parts.push(format!("passage={}", encode_component(passage)));
            }
        }
        if let Some(question) = self.question.as_ref().filter(|_| self.view == View::NaastElkaar) {
            parts.push(format!("kernvraag={}", encode_component(question)));
        } else if self.grouping != Grouping::Thema {
            parts.push(format!("groep={}", self.grouping.id()));
        }
        if let Some(term) = self.term.as_ref().filter(|_| self.view == View::Begrippen) {
            parts.push(format!("begrip={}", encode_component(term)));
        }
        if !self.word.is_empty() && matches!(self.view, View::Woorden | View::Lezen) {
            parts.push(format!("woord={}", encode_component(&self.word)));
        }
        if self.order != crate::words::Order::Text && self.view == View::Woorden {
            parts.push(format!("orde={}", self.order.id()));
        }
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode_component(&self.query)));
        }
        for (key, values) in self.filters.fields() {
            if !values.is_empty() {
                let joined: Vec<String> = values.iter().map(|v| encode_component(v)).collect();
                parts.push(format!("{key}={}", joined.join(",")));
            }
        }
        self.display.write(&mut parts);
        parts.join("&")
    }

    /// The start view: search over everything.
    pub fn home() -> Route {
        Route::default()
    }

    pub fn view(view: View) -> Route {
        Route { view, ..Route::default() }
    }

    pub fn document(id: &str) -> Route {
        Route { view: View::Lezen, doc: Some(id.to_string()), ..Route::default() }
    }

    pub fn passage(doc: &str, passage: &str) -> Route {
        Route { passage: Some(passage.to_string()), ..Route::document(doc) }
    }

    /// The search this route came from, without the open document.
    pub fn search(&self) -> Route {
        Route {
            view: View::Zoeken,
            query: self.query.clone(),
            filters: self.filters.clone(),
            ..Route::default()
        }
    }

    /// The Woorden view for a word.
    pub fn word(word: &str) -> Route {
        Route { view: View::Woorden, word: word.to_string(), ..Route::default() }
    }

    /// The glossary, opened at a term.
    pub fn term(id: &str) -> Route {
        Route { view: View::Begrippen, term: Some(id.to_string()), ..Route::default() }
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
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
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
    fn reads_views_queries_and_filters() {
        let route = Route::from_query("?view=teksten");
        assert_eq!(route.view, View::Teksten);
        assert_eq!(Route::from_query("?view=onzin").view, View::Zoeken);
        assert_eq!(Route::from_query("?view=lezen").view, View::Zoeken, "reading needs a document");
        assert_eq!(Route::from_query("?doc=a&view=teksten").view, View::Lezen);
        let route = Route::from_query(
            "?q=zorg+thuis&thema=jeugd,geld,jeugd&kant=kritisch&jaar=2017&soort=&x=1",
        );
        assert_eq!(route.query, "zorg thuis");
        assert_eq!(route.filters.themes, ["jeugd", "geld"]);
        assert_eq!(route.filters.stances, ["kritisch"]);
        assert_eq!(route.filters.years, ["2017"]);
        assert!(route.filters.kinds.is_empty());
    }

    #[test]
    fn reads_display_settings_and_ignores_bad_ones() {
        let route = Route::from_query("?embed=1&accent=%230B6E4F&modus=donker");
        assert_eq!(
            route.display,
            Display {
                embed: true,
                accent: Some("0b6e4f".into()),
                scheme: Some(Scheme::Donker),
                huisstijl: None
            }
        );
        let bad = Route::from_query(
            "?embed=ja&accent=red;background:url(x)&modus=paars&huisstijl=a%22%3E%3Cb",
        );
        assert_eq!(bad.display, Display::default());
        let themed = Route::from_query("?huisstijl=Utrecht");
        assert_eq!(themed.display.huisstijl.as_deref(), Some("utrecht"));
        assert_eq!(themed.to_query(), "huisstijl=utrecht");
    }

    #[test]
    fn one_key_question_opens_the_side_by_side_view() {
        let route = Route::from_query("?kernvraag=kan-het-goedkoper&embed=1");
        assert_eq!(route.view, View::NaastElkaar);
        assert_eq!(route.grouping, Grouping::Kernvraag);
        assert_eq!(route.question.as_deref(), Some("kan-het-goedkoper"));
        assert_eq!(route.to_query(), "view=naast-elkaar&kernvraag=kan-het-goedkoper&embed=1");
        // A document wins, as it does over every view; the question is then dropped.
        let reading = Route::from_query("?kernvraag=x&doc=kinderschoenen");
        assert_eq!((reading.view, reading.question), (View::Lezen, None));
    }

    #[test]
    fn cuts_huge_values() {
        let route = Route::from_query(&format!("?doc={}", "x".repeat(100_000)));
        assert_eq!(route.doc.map(|d| d.chars().count()), Some(MAX_VALUE_CHARS));
        let many: Vec<String> = (0..1000).map(|i| format!("t{i}")).collect();
        let route = Route::from_query(&format!("?thema={}", many.join(",")));
        assert_eq!(route.filters.themes.len(), MAX_FILTER_VALUES);
    }

    #[test]
    fn round_trips() {
        let mut filtered = Route { query: "\"dichter bij\" -jeugd & zo".into(), ..Route::home() };
        filtered.filters.toggle("thema", "jeugd");
        filtered.filters.toggle("thema", "geld");
        filtered.filters.toggle("kant", "kritisch");
        filtered.filters.toggle("jaar", "onbekend");
        for route in [
            Route::home(),
            Route::view(View::Teksten),
            Route::document("kinderschoenen"),
            Route::passage("a b&c=d", "ë/?#%"),
            filtered.clone(),
            Route { doc: Some("x".into()), view: View::Lezen, ..filtered.clone() },
            Route::term("wmo"),
            Route { view: View::NaastElkaar, grouping: Grouping::Kernvraag, ..filtered.clone() },
            Route {
                display: Display {
                    embed: true,
                    accent: Some("0b6e4f".into()),
                    scheme: Some(Scheme::Donker),
                    huisstijl: Some("utrecht".into()),
                },
                ..Route::home()
            },
            Route {
                view: View::NaastElkaar,
                grouping: Grouping::Kernvraag,
                question: Some("kan-het-goedkoper".into()),
                ..Route::home()
            },
            Route::view(View::Overzicht),
            Route::view(View::Toegankelijkheid),
            Route::word("eigen kracht"),
            Route { order: crate::words::Order::Left, ..Route::word("zorg") },
            Route { word: "zorg".into(), ..Route::passage("a", "a-1") },
        ] {
            assert_eq!(Route::from_query(&route.to_query()), route, "query {}", route.to_query());
        }
        assert_eq!(Route::home().to_query(), "");
        filtered.filters.toggle("thema", "jeugd");
        assert_eq!(filtered.filters.themes, ["geld"], "toggling removes");
    }

    #[test]
    fn reads_words_and_their_order_only_where_they_apply() {
        let route = Route::from_query("?view=woorden&woord=eigen+kracht&orde=rechts");
        assert_eq!((route.view, route.word.as_str()), (View::Woorden, "eigen kracht"));
        assert_eq!(route.order, crate::words::Order::Right);
        assert_eq!(Route::from_query("?view=woorden&orde=onzin").order, Default::default());
        let reading = Route::from_query("?doc=a&woord=zorg&orde=links");
        assert_eq!((reading.word.as_str(), reading.order), ("zorg", Default::default()));
        assert_eq!(Route::from_query("?view=zoeken&woord=zorg").word, "");
    }

    #[test]
    fn decodes_any_bytes_without_panic() {
        for text in ["%", "%%", "%%%", "%a", "%ag", "%C3", "%C3%", "%FF%FE", "é%", "+%2"] {
            let _ = decode_component(text);
        }
        assert_eq!(decode_component("%C3%ABn"), "ën");
    }
}
