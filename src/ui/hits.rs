//! The list of hits, kept up to date by hand.
//!
//! Every keystroke changes the hits, and the list is what the reader waits for. Built from
//! the reactive view, each row held some twenty effects and memos (a text, an attribute, a
//! part of the passage each); a keystroke woke all of them, and tracing it at 4x CPU
//! slowdown showed the reactive graph's bookkeeping cost more than the DOM writes. Here each
//! row is a handful of elements built once, and one pass per change compares what a row
//! shows with its new hit and writes only what differs. Clicks are handled once, on the list.
//!
//! What the reader sees changes with the keystroke: the rows on the screen, and rows shown
//! again after being hidden. The rest (rows below or above the screen) follows in the task
//! after the frame that shows the change: a screen holds two to four of ten hits, so that
//! frame has less than half the rows to build, lay out and paint. A plain click on a link is
//! handled here with the current route, so it never follows an address a frame old.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Text};

use super::parts::people;
use super::{use_nav, Nav};
use crate::corpus::{Corpus, PassageIdx};
use crate::search::{Hit, Match, MatchKind, Results, Snippet};
use crate::state::{Route, View};

/// The hits as an `<ol class="hits">`: one `<li class="hit">` per place in the list.
#[component]
pub fn HitList(results: Memo<Results>) -> impl IntoView {
    let nav = use_nav();
    let corpus = crate::corpus();
    let later = super::search::after_next_frame(move || {
        results.track();
        nav.route.track();
    });
    let list = Rc::new(RefCell::new(List {
        ol: None,
        document: document(),
        corpus,
        nav,
        results,
        // Theme labels per row: as many as the most themes any passage has.
        theme_slots: corpus.passages.iter().map(|q| q.themes.len()).max().unwrap_or(0),
        rows: Vec::new(),
    }));
    let on_click = {
        let list = list.clone();
        move |ev: MouseEvent| click(&list, &ev)
    };
    view! {
        <ol class="hits" hidden=move || results.with(|r| r.hits.is_empty()) on:click=on_click use:rows=(list, later)></ol>
    }
}

/// One row: its elements, and what they show.
struct Row {
    li: Element,
    link: Element,
    // The texts are nodes of their own, changed in place: replacing an element's text node
    // took the browser longer to lay out than changing the text it holds.
    title: Text,
    kind: Text,
    who: Text,
    date: Text,
    snippet: Element,
    stance: Element,
    stance_label: Text,
    themes: Vec<(Element, Text)>,
    /// "Waarom dit label?": hidden for a passage without a reason; its text folds open.
    label_why: Element,
    label_toggle: Element,
    label_reason: Element,
    why: Element,
    toggle: Element,
    /// The reasons' list, while they are open.
    reasons: Option<Element>,
    open: bool,
    /// What the row shows: a passage, its snippet and its reasons. A row past the hits is
    /// hidden and keeps what it showed, so that showing it again changes only what differs.
    passage: Option<PassageIdx>,
    shown_snippet: Snippet,
    matched: Vec<Match>,
    /// The address its link has.
    href: String,
    hidden: bool,
    /// Whether the row is on the screen; it counts as on it until the browser says otherwise.
    on_screen: bool,
    /// It shows an older hit than its place in the results holds.
    stale: bool,
}

struct List {
    ol: Option<Element>,
    document: Document,
    corpus: &'static Corpus,
    nav: Nav,
    results: Memo<Results>,
    theme_slots: usize,
    rows: Vec<Row>,
}

/// Sets up the list's rows on the `<ol>` (a directive: `use:rows=(list, later)`): they follow
/// the results at once where the reader sees them, and `later` for the rest.
fn rows(ol: Element, (list, later): (Rc<RefCell<List>>, RwSignal<u32>)) {
    list.borrow_mut().ol = Some(ol);
    let now = {
        let list = list.clone();
        RenderEffect::new(move |_| {
            let (results, nav) = {
                let l = list.borrow();
                (l.results, l.nav)
            };
            // The route too: a keystroke that leaves the hits as they were (a space, a quote,
            // a lone "-") still changes their links' addresses.
            nav.route.track();
            results.with(|r| update(&list, r, false));
        })
    };
    let after = RenderEffect::new(move |_| {
        later.track();
        let results = list.borrow().results;
        results.with_untracked(|r| update(&list, r, true));
    });
    // The effects stop when the view that holds the list goes.
    StoredValue::new_local((now, after));
}

/// Brings the rows up to date with `results`, their links' addresses with them: with the
/// change (`late` false), the rows the reader sees and those shown again; after its frame
/// (`late` true), the rest.
fn update(list: &Rc<RefCell<List>>, results: &Results, late: bool) {
    let Ok(mut l) = list.try_borrow_mut() else { return };
    while l.rows.len() < results.hits.len() {
        let index = l.rows.len();
        let row = l.build_row();
        observe(list, &row.li, index);
        l.rows.push(row);
    }
    let route = l.nav.route.get_untracked();
    for index in 0..l.rows.len() {
        let Some(hit) = results.hits.get(index) else {
            let row = &mut l.rows[index];
            if !row.hidden {
                row.hidden = true;
                let _ = row.li.set_attribute("hidden", "");
                let _ = row.li.remove_attribute("data-passage");
            }
            continue;
        };
        let row = &l.rows[index];
        if row.hidden || row.on_screen || late {
            l.show(index, hit);
            // The address keeps the query: it changes with every keystroke.
            l.write_href(index, &route);
        } else {
            l.rows[index].stale = true;
        }
    }
}

/// Keeps a row's `on_screen` as the browser reports it, and brings a stale row up to date the
/// moment it comes into view. The observer needs no disconnecting: it goes with its row.
fn observe(list: &Rc<RefCell<List>>, li: &Element, index: usize) {
    let list = list.clone();
    let report = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            // Entries come in order: the last one holds.
            let Ok(entry) = entries.pop().dyn_into::<web_sys::IntersectionObserverEntry>() else {
                return;
            };
            let Ok(mut l) = list.try_borrow_mut() else { return };
            let on = entry.is_intersecting();
            l.rows[index].on_screen = on;
            if on && l.rows[index].stale {
                // (After the view has gone, its results are gone too: nothing to show.)
                let results = l.results;
                results.try_with_untracked(|r| {
                    if let (Some(hit), Some(route)) =
                        (r.hits.get(index), l.nav.route.try_get_untracked())
                    {
                        l.show(index, hit);
                        l.write_href(index, &route);
                    }
                });
            }
        },
    );
    if let Ok(observer) = web_sys::IntersectionObserver::new(report.into_js_value().unchecked_ref())
    {
        observer.observe(li);
    }
}

/// A click in the list: on a hit's title, the reading view of its passage (plain left clicks
/// only, see [`Nav::follow`]); on "Waarom deze treffer?", its reasons open or close.
fn click(list: &Rc<RefCell<List>>, ev: &MouseEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let on = |selector: &str| target.closest(selector).ok().flatten();
    let Some(li) = on(".hit") else { return };
    let Ok(mut l) = list.try_borrow_mut() else { return };
    let Some(index) = l.rows.iter().position(|r| r.li == li) else { return };
    if on(".hit__title a").is_some() {
        let (nav, route) = (l.nav, l.nav.route.get_untracked());
        let Some(to) = l.rows[index].passage.map(|p| reading(l.corpus, p, route)) else { return };
        // The route changes after the list is let go: the results follow it.
        drop(l);
        nav.follow(ev, to);
    } else if on(".hit__label-why button").is_some() {
        let row = &l.rows[index];
        let open = row.label_toggle.get_attribute("aria-expanded").as_deref() != Some("true");
        let _ =
            row.label_toggle.set_attribute("aria-expanded", if open { "true" } else { "false" });
        let _ = if open {
            row.label_reason.remove_attribute("hidden")
        } else {
            row.label_reason.set_attribute("hidden", "")
        };
    } else if on(".hit__why button").is_some() {
        let row = &mut l.rows[index];
        row.open = !row.open;
        let _ = row.toggle.set_attribute("aria-expanded", if row.open { "true" } else { "false" });
        l.write_reasons(index);
    }
}

/// The reading view of `passage`, keeping the query and filters of `route`: the reading view
/// marks the words, and Back returns to these results.
fn reading(corpus: &Corpus, passage: PassageIdx, route: Route) -> Route {
    let p = &corpus.passages[passage as usize];
    let article = &corpus.documents[corpus.article_of(p.document) as usize];
    Route { passage: Some(p.id.clone()), doc: Some(article.id.clone()), view: View::Lezen, ..route }
}

impl List {
    fn element(&self, tag: &str, class: Option<&str>, parent: &Element) -> Element {
        let el = self.document.create_element(tag).expect("a known tag name");
        if let Some(class) = class {
            el.set_class_name(class);
        }
        let _ = parent.append_child(&el);
        el
    }

    /// An empty text node at the end of `parent`.
    fn text(&self, parent: &Element) -> Text {
        let text = self.document.create_text_node("");
        let _ = parent.append_child(&text);
        text
    }

    /// A new row at the end of the list, empty and not yet shown.
    fn build_row(&self) -> Row {
        let ol = self.ol.as_ref().expect("the list is built before its rows");
        let li = self.element("li", Some("hit"), ol);
        let title = self.element("h2", Some("hit__title"), &li);
        let link = self.element("a", None, &title);
        let title = self.text(&link);
        // Empty parts (no author, no date) are hidden by the style sheet.
        let meta = self.element("p", Some("hit__meta"), &li);
        let kind = self.text(&self.element("span", Some("kind"), &meta));
        let who = self.text(&self.element("span", None, &meta));
        let date = self.text(&self.element("span", None, &meta));
        let snippet = self.element("p", Some("hit__snippet"), &li);
        let passage_meta = self.element("div", Some("passage__meta"), &li);
        let stance = self.element("span", Some("stance"), &passage_meta);
        // The stance's icon (see [`super::parts::StanceIcon`]); the label carries the meaning.
        let icon = self.element("span", Some("stance__icon"), &stance);
        let _ = icon.set_attribute("aria-hidden", "true");
        let stance_label = self.text(&self.element("span", Some("stance__label"), &stance));
        let theme_list = self.element("ul", Some("themes"), &passage_meta);
        let _ = theme_list.set_attribute("aria-label", "Thema's");
        // Each label shows the passage's theme in its place, or is empty and hidden by the
        // style sheet: a new hit changes the labels' texts, not the list.
        let themes = (0..self.theme_slots)
            .map(|_| {
                let label = self.element("li", Some("theme"), &theme_list);
                let text = self.text(&label);
                (label, text)
            })
            .collect();
        // The reason for the stance, where the passage has one: a button that shows it.
        let label_why = self.element("div", Some("hit__label-why"), &passage_meta);
        let _ = label_why.set_attribute("hidden", "");
        let label_toggle = self.element("button", None, &label_why);
        let _ = label_toggle.set_attribute("type", "button");
        let _ = label_toggle.set_attribute("aria-expanded", "false");
        label_toggle.set_text_content(Some("Waarom dit label?"));
        let label_reason = self.element("p", None, &label_why);
        let _ = label_reason.set_attribute("hidden", "");
        // Always there, hidden while there are no reasons (no query): the first letter typed
        // then shows ten of them instead of building ten. A button that shows the list, not a
        // <details>: showing ten of those (each with its own shadow tree, summary and marker)
        // took the browser more style and layout work than the rest of a first letter's changes.
        let why = self.element("div", Some("hit__why"), &li);
        let _ = why.set_attribute("hidden", "");
        let toggle = self.element("button", None, &why);
        let _ = toggle.set_attribute("type", "button");
        let _ = toggle.set_attribute("aria-expanded", "false");
        toggle.set_text_content(Some("Waarom deze treffer?"));
        Row {
            li,
            link,
            title,
            kind,
            who,
            date,
            snippet,
            stance,
            stance_label,
            themes,
            label_why,
            label_toggle,
            label_reason,
            why,
            toggle,
            reasons: None,
            open: false,
            passage: None,
            shown_snippet: Snippet::default(),
            matched: Vec::new(),
            href: String::new(),
            hidden: true,
            on_screen: true,
            stale: false,
        }
    }

    /// Makes row `index` show `hit`, writing only what differs from what it shows.
    fn show(&mut self, index: usize, hit: &Hit) {
        let corpus = self.corpus;
        let row = &mut self.rows[index];
        let was_hidden = std::mem::replace(&mut row.hidden, false);
        row.stale = false;
        if row.passage != Some(hit.passage) {
            // Only the parts that differ from the passage it showed: most hits share their
            // kind and stance, and many their document, with the hit that was in their place.
            let old = row.passage.map(|q| &corpus.passages[q as usize]);
            row.passage = Some(hit.passage);
            let p = &corpus.passages[hit.passage as usize];
            let article = corpus.article_of(p.document);
            if old.is_none_or(|q| corpus.article_of(q.document) != article) {
                let article = &corpus.documents[article as usize];
                set(&row.title, article.title.as_deref().unwrap_or_default());
                set(&row.date, &article.date.map(|d| d.dutch()).unwrap_or_default());
            }
            if old.is_none_or(|q| q.document != p.document) {
                let doc = &corpus.documents[p.document as usize];
                set(&row.kind, doc.kind.label());
                let who = if doc.is_comment() {
                    format!("Reactie van {}", people(&doc.authors))
                } else if !doc.authors.is_empty() {
                    people(&doc.authors)
                } else {
                    people(&doc.quoted)
                };
                set(&row.who, &who);
            }
            if old.is_none_or(|q| q.stance != p.stance) {
                let _ = row.stance.set_attribute("data-stance", p.stance.id());
                set(&row.stance_label, p.stance.label());
            }
            for (k, (label, text)) in row.themes.iter().enumerate() {
                let theme = p.themes.get(k);
                if old.is_some_and(|q| q.themes.get(k) == theme) {
                    continue;
                }
                match theme.map(|&t| corpus.theme(t)) {
                    Some(theme) => {
                        set(text, &theme.label);
                        let _ = label.set_attribute("title", &theme.description);
                    }
                    None => {
                        set(text, "");
                        let _ = label.remove_attribute("title");
                    }
                }
            }
            if old.is_none_or(|q| q.reason != p.reason) {
                // A new reason starts folded.
                let _ = row.label_toggle.set_attribute("aria-expanded", "false");
                let _ = row.label_reason.set_attribute("hidden", "");
                row.label_reason.set_text_content(p.reason.as_deref());
                let _ = match p.reason {
                    Some(_) => row.label_why.remove_attribute("hidden"),
                    None => row.label_why.set_attribute("hidden", ""),
                };
            }
            let _ = row.li.set_attribute("data-passage", &p.id);
        } else if was_hidden {
            let _ = row.li.set_attribute("data-passage", &corpus.passages[hit.passage as usize].id);
        }
        if was_hidden {
            let _ = row.li.remove_attribute("hidden");
        }
        if row.shown_snippet != hit.snippet {
            row.shown_snippet = hit.snippet.clone();
            write_snippet(&self.document, &row.snippet, &hit.snippet);
        }
        if row.matched != hit.matched {
            if row.matched.is_empty() != hit.matched.is_empty() {
                let _ = if hit.matched.is_empty() {
                    row.why.set_attribute("hidden", "")
                } else {
                    row.why.remove_attribute("hidden")
                };
            }
            row.matched = hit.matched.clone();
            self.write_reasons(index);
        }
    }

    /// Gives row `index`'s link the address of its passage's reading view under `route`.
    fn write_href(&mut self, index: usize, route: &Route) {
        let Some(passage) = self.rows[index].passage else { return };
        let href = self.nav.href(&reading(self.corpus, passage, route.clone()));
        let row = &mut self.rows[index];
        if row.href != href {
            let _ = row.link.set_attribute("href", &href);
            row.href = href;
        }
    }

    /// Writes out row `index`'s reasons if they are open, and removes them if not.
    fn write_reasons(&mut self, index: usize) {
        let row = &mut self.rows[index];
        if let Some(reasons) = row.reasons.take() {
            reasons.remove();
        }
        if row.open {
            let row = &self.rows[index];
            let ul = self.element("ul", None, &row.why);
            for line in explain(&row.matched) {
                self.element("li", None, &ul).set_text_content(Some(&line));
            }
            self.rows[index].reasons = Some(ul);
        }
    }
}

fn set(text: &Text, value: &str) {
    text.set_node_value(Some(value));
}

/// The snippet as text with `<mark>` around its marks, and an ellipsis where the passage goes
/// on; everything stays text, nothing is HTML.
fn write_snippet(document: &Document, p: &Element, snippet: &Snippet) {
    let text = &snippet.text;
    let mut pieces = Vec::new();
    let mut at = 0;
    for &(start, end) in &snippet.marks {
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        pieces.push((&text[at..start], &text[start..end]));
        at = end;
    }
    // The text before each mark, then the rest; an ellipsis where the passage goes on.
    let mut plain: Vec<String> = pieces.iter().map(|(before, _)| before.to_string()).collect();
    plain.push(text[at..].to_string());
    if snippet.cut_start {
        plain[0].insert(0, '\u{2026}');
    }
    if snippet.cut_end {
        plain[pieces.len()].push('\u{2026}');
    }
    p.set_text_content(Some(&plain[0]));
    for ((_, marked), after) in pieces.iter().zip(&plain[1..]) {
        if let Ok(mark) = document.create_element("mark") {
            mark.set_text_content(Some(marked));
            let _ = p.append_child(&mark);
        }
        if !after.is_empty() {
            let _ = p.append_with_str_1(after);
        }
    }
}

/// The engine's reasons, in plain Dutch.
fn explain(matched: &[Match]) -> Vec<String> {
    matched
        .iter()
        .map(|m| {
            let (q, t) = (&m.query, &m.term);
            match m.kind {
                MatchKind::Exact => format!("\u{201c}{q}\u{201d} staat in de tekst."),
                MatchKind::Phrase => {
                    format!("De woorden \u{201c}{q}\u{201d} staan precies zo in de tekst.")
                }
                MatchKind::Stem => {
                    format!("\u{201c}{t}\u{201d} is een andere vorm van \u{201c}{q}\u{201d}.")
                }
                MatchKind::Synonym => {
                    format!("\u{201c}{t}\u{201d} betekent hier hetzelfde als \u{201c}{q}\u{201d}.")
                }
                MatchKind::Prefix => format!("\u{201c}{t}\u{201d} begint met \u{201c}{q}\u{201d}."),
                MatchKind::Compound => format!(
                    "\u{201c}{t}\u{201d} is een samengesteld woord met \u{201c}{q}\u{201d} erin."
                ),
                MatchKind::Typo => format!(
                    "\u{201c}{t}\u{201d} lijkt op \u{201c}{q}\u{201d} (misschien een typefout)."
                ),
            }
        })
        .collect()
}
