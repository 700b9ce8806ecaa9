//! Zoeken: the start view. A search box, filters with live counts, and the hits.
//!
//! The query and the filters live in the URL: typing replaces the history entry (once typing
//! pauses, see [`super::Nav::replace`]), a filter change adds one, so Back steps through what
//! the reader chose. Results are computed once per change in a `Memo` and read by the count,
//! the filters and the list.

use leptos::ev::{Event, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::parts::{people, StanceIcon};
use super::{focus_after_move, set_title, use_nav};
use crate::corpus::{Corpus, Kind, PassageIdx, Stance};
use crate::search::{marks, year_id, Facets, Filters, Hit, MatchKind, Results};
use crate::state::Route;

/// Hits listed at first and added per "Toon meer": about a screen, as search pages have,
/// and every keystroke renders only these (the count says how many there are in all).
const PAGE: usize = 10;

#[component]
pub fn SearchView() -> impl IntoView {
    set_title("Zoeken");
    focus_after_move("#zoekveld");
    let nav = use_nav();
    let corpus = crate::corpus();
    // Extra hits asked for with "Toon meer", for the route they were asked on: any change of
    // query, filters or view starts again at one page, without an extra render.
    let more = RwSignal::new((String::new(), 0usize));
    let results = Memo::new(move |_| {
        nav.route.with(|route| {
            let key = route.to_query();
            let extra = more.with(|(asked_on, n)| if *asked_on == key { *n } else { 0 });
            let filters = Filters::from_params(&route.filters, corpus);
            crate::engine().search(&route.query, &filters, PAGE + extra)
        })
    });
    let empty = Memo::new(move |_| results.with(|r| r.total == 0));
    let painted = super::after_first_paint();
    let show_more = move |_: MouseEvent| {
        let key = nav.route.with_untracked(Route::to_query);
        let shown = results.with_untracked(|r| r.hits.len());
        more.set((key, shown));
        // Keyboard and screen reader users continue at the first hit that was added.
        request_animation_frame(move || {
            let selector = format!(".hits > li:nth-child({}) h2 a", shown + 1);
            if let Ok(Some(el)) = document().query_selector(&selector) {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    view! {
        <section data-view="zoeken" class="search">
            <h1 class="visually-hidden">"Zoeken in de teksten"</h1>
            <SearchBox />
            {move || painted.get().then(|| view! {
                <div class="search__layout">
                    <FilterPanel results=results />
                    <div class="search__results">
                        <p class="search__count" role="status" aria-live="polite" aria-atomic="true">
                            {move || count_text(&results.get())}
                        </p>
                        // The list stays while there are no hits (hidden, with its rows), so the
                        // next hits update it in place instead of building it anew.
                        <HitList results=results />
                        {move || if empty.get() { (move || view! { <NoResults results=results.get() /> }).into_any() } else { ().into_any() }}
                        {move || {
                            let (shown, total) = results.with(|r| (r.hits.len(), r.total));
                            (shown < total).then(|| {
                                let next = PAGE.min(total - shown);
                                view! {
                                    <button type="button" class="search__more" on:click=show_more>
                                        {format!("Toon {next} meer (nu {shown} van {total})")}
                                    </button>
                                }
                            })
                        }}
                    </div>
                </div>
            })}
        </section>
    }
}

/// The search box: what is typed goes into the URL of the current view (replacing the history
/// entry once typing pauses); `/` focuses it from anywhere, Escape clears it.
#[component]
pub fn SearchBox() -> impl IntoView {
    let nav = use_nav();
    // Typing keeps the view (search or side by side) and its grouping, and leaves any document.
    let with_query = move |query: String| {
        let mut route = nav.route.get_untracked();
        route.query = query;
        route.doc = None;
        route.passage = None;
        route
    };
    let on_input = move |ev: Event| {
        let value = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default();
        nav.replace(with_query(value));
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && !nav.route.with_untracked(|r| r.query.is_empty()) {
            ev.prevent_default();
            nav.replace(with_query(String::new()));
            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                input.set_value("");
            }
        }
    };
    let slash = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        // Every keystroke in the box comes here too: the key is asked first.
        let typing = || document().active_element().is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if ev.key() == "/" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && !typing() {
            if let Some(input) = document().get_element_by_id("zoekveld").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || slash.remove());
    view! {
        <form role="search" class="search__form" on:submit=|ev| ev.prevent_default()>
            <label for="zoekveld" class="search__label">"Zoek in alle teksten"</label>
            <input
                type="search"
                id="zoekveld"
                class="search__input"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="zoekhulp"
                prop:value=move || nav.route.with(|r| r.query.clone())
                on:input=on_input
                on:keydown=on_keydown
            />
            <p id="zoekhulp" class="search__help">
                "Bijvoorbeeld: zorg, bezuinigingen, \u{201c}dichter bij de burger\u{201d} of gemeente -jeugd. Druk op / om hier te zoeken, Escape om te wissen."
            </p>
        </form>
    }
}

/// The results of the current route's query and filters, once per change.
pub fn route_results(limit: usize) -> Memo<Results> {
    let nav = use_nav();
    let corpus = crate::corpus();
    Memo::new(move |_| {
        nav.route.with(|route| {
            let filters = Filters::from_params(&route.filters, corpus);
            crate::engine().search(&route.query, &filters, limit)
        })
    })
}

/// What a reader's first keystrokes run, run once on a copy of the filters and the list that
/// is never shown, shortly after start-up. V8 compiles a wasm function on its first call, and
/// the browser's style and layout are slower the first time too, so otherwise the first
/// letter typed pays for all of that (at 4x CPU slowdown it took twice as long as the next
/// letters). The copy has its own route, and is dropped afterwards.
pub fn warm_up() {
    let (Ok(host), Ok(spare), Some(body)) = (document().create_element("div"), document().create_element("div"), document().body()) else { return };
    let route = std::rc::Rc::new(std::cell::Cell::new(None));
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), {
        let route = route.clone();
        move || {
            let nav = super::Nav { route: RwSignal::new(Route::default()), moves: RwSignal::new(0) };
            route.set(Some(nav.route));
            provide_context(nav);
            let results = route_results(PAGE);
            view! {
                <FilterPanel results=results />
                <p>{move || count_text(&results.get())}</p>
                <HitList results=results />
            }
        }
    });
    let Some(route) = route.get() else { return };
    // The filters (which carry the page's ids) stay out of the page; the count and the list
    // go into it, laid out but not shown, heard or reachable.
    if let Some(panel) = host.first_element_child() {
        let _ = spare.append_child(&panel);
    }
    let _ = host.set_attribute("class", "warm-up");
    let _ = host.set_attribute("aria-hidden", "true");
    let _ = host.set_attribute("inert", "");
    let _ = body.append_child(&host);
    // A first letter, a second one, and Escape; each in a task of its own, as typed, and each
    // laid out (asking for the copy's height lays it out at once).
    fn type_next(host: web_sys::HtmlElement, route: RwSignal<Route>, steps: &'static [&'static str], done: impl FnOnce(web_sys::HtmlElement) + 'static) {
        let _ = host.offset_height();
        match steps.split_first() {
            Some((query, rest)) => {
                route.update(|r| r.query = query.to_string());
                set_timeout(move || type_next(host, route, rest, done), std::time::Duration::ZERO);
            }
            None => done(host),
        }
    }
    type_next(host.unchecked_into(), route, &["b", "be", ""], move |host| {
        drop(handle);
        host.remove();
    });
}

pub fn count_text(results: &Results) -> String {
    let shown = if results.total > results.hits.len() { format!(" (de eerste {} staan hieronder)", results.hits.len()) } else { String::new() };
    match results.total {
        0 => "Geen tekstdelen gevonden.".to_string(),
        1 => "1 tekstdeel gevonden.".to_string(),
        n => format!("{n} tekstdelen gevonden{shown}."),
    }
}

/// The hits, one row per place in the list. While the reader types, row `i` shows the new
/// `i`-th hit in place: a new query updates texts and attributes instead of building every
/// hit anew, which is what made a changed first letter dear.
///
/// The rows on the screen change with the keystroke (or the filter); the others (below the
/// screen, or above it when the reader has scrolled) in the task after the frame that shows
/// the change. A screen shows two to four of ten hits, so that frame has less than half the
/// rows to build, lay out and paint.
#[component]
fn HitList(results: Memo<Results>) -> impl IntoView {
    let nav = use_nav();
    let corpus = crate::corpus();
    // Theme labels per row: as many as the most themes any passage has.
    let theme_slots = corpus.passages.iter().map(|q| q.themes.len()).max().unwrap_or(0);
    let later = after_next_frame(move || {
        results.track();
        nav.route.track();
    });
    // Rows are added, never removed: a row past the hits is hidden and keeps what it showed.
    // Fewer hits than before then hide rows, and more show them again, where removing and
    // building rows cost a keystroke that changed the number of hits a fifth of its work.
    let rows = std::cell::Cell::new(0);
    let rows = move || {
        rows.set(results.with(|r| r.hits.len()).max(rows.get()));
        0..rows.get()
    };
    view! {
        <ol class="hits" hidden=move || results.with(|r| r.hits.is_empty())>
            <For each=rows key=|i| *i let:index>
                <HitRow corpus=corpus index=index results=results later=later theme_slots=theme_slots />
            </For>
        </ol>
    }
}

/// A signal notified in the task after the frame that follows each change of what `source`
/// tracks. What can wait a frame follows it instead of the change itself, so that the
/// change's own frame has less to build, lay out and paint.
fn after_next_frame(source: impl Fn() + 'static) -> RwSignal<u32> {
    let later = RwSignal::new(0u32);
    Effect::new(move |_| {
        source();
        request_animation_frame(move || set_timeout(move || later.update(|n| *n += 1), std::time::Duration::ZERO));
    });
    later
}

/// Keeps `on` saying whether the row `li` is on the screen (a directive: `use:on_screen=on`);
/// it counts as on it until the browser has said otherwise. The observer needs no
/// disconnecting: once the row is gone, it and its observer go together, and a last report
/// to a row's disposed signal changes nothing.
fn on_screen(li: web_sys::Element, on: RwSignal<bool>) {
    let report = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // Entries come in order: the last one holds.
        if let Ok(entry) = entries.pop().dyn_into::<web_sys::IntersectionObserverEntry>() {
            on.set(entry.is_intersecting());
        }
    });
    if let Ok(observer) = web_sys::IntersectionObserver::new(report.into_js_value().unchecked_ref()) {
        observer.observe(&li);
    }
}

#[component]
fn HitRow(corpus: &'static Corpus, index: usize, results: Memo<Results>, later: RwSignal<u32>, theme_slots: usize) -> impl IntoView {
    let nav = use_nav();
    let on = RwSignal::new(true);
    let shown = Memo::new(move |_| results.with(|r| index < r.hits.len()));
    // What the row follows: the results and the route at once while it is on the screen
    // (or hidden, so that it is up to date the moment it is shown), and after the next frame
    // while it is off the screen.
    let follow = move |now: &dyn Fn()| if on.get() || !shown.get() { now() } else { later.track() };
    // What the row shows of its hit (not the passage's whole text and marks); past the hits,
    // what it showed last, so that hiding it changes nothing else.
    let hit = Memo::new_owning(move |last: Option<Option<_>>| {
        follow(&|| results.track());
        results.with_untracked(|r| match r.hits.get(index) {
            Some(h) => {
                let now = Some((h.passage, h.snippet.clone(), h.matched.clone()));
                let changed = last.as_ref() != Some(&now);
                (now, changed)
            }
            None => (last.flatten(), false),
        })
    });
    let passage: Memo<PassageIdx> = Memo::new(move |_| hit.with(|h| h.as_ref().map_or(0, |h| h.0)));
    let p = move || &corpus.passages[passage.get() as usize];
    let doc = move || &corpus.documents[p().document as usize];
    let article = move || &corpus.documents[corpus.article_of(p().document) as usize];
    // The link keeps the query and filters, so the reading view marks the words and Back
    // returns to these results.
    let to = move || Route { passage: Some(p().id.clone()), doc: Some(article().id.clone()), view: crate::state::View::Lezen, ..nav.route.get_untracked() };
    let href = move || {
        follow(&|| nav.route.track());
        nav.href(&to())
    };
    let who = move || {
        let doc = doc();
        if doc.is_comment() {
            format!("Reactie van {}", people(&doc.authors))
        } else if !doc.authors.is_empty() {
            people(&doc.authors)
        } else {
            people(&doc.quoted)
        }
    };
    let date = move || article().date.map(|d| d.dutch()).unwrap_or_default();
    let stance = move || p().stance;
    // Each label shows the passage's theme in its place, or is empty and hidden by the style
    // sheet: a new hit changes the labels' texts, not the list.
    let theme = move |k: usize| p().themes.get(k).map(|&t| corpus.theme(t));
    let themes = (0..theme_slots)
        .map(|k| {
            view! {
                <li class="theme" title=move || theme(k).map(|t| t.description.clone())>{move || theme(k).map(|t| t.label.clone())}</li>
            }
        })
        .collect_view();
    let snippet = move || {
        hit.with(|h| {
            h.as_ref().map(|(_, snippet, _)| {
                view! {
                    {snippet.cut_start.then_some("\u{2026}")}
                    {marked(&snippet.text, &snippet.marks)}
                    {snippet.cut_end.then_some("\u{2026}")}
                }
            })
        })
    };
    // The reasons are written out only once the reader opens them: typing then builds less.
    let open = RwSignal::new(false);
    let has_reasons = Memo::new(move |_| hit.with(|h| h.as_ref().is_some_and(|(_, _, m)| !m.is_empty())));
    let reasons = move || {
        open.get().then(|| {
            let why = hit.with(|h| h.as_ref().map(|(_, _, m)| explain(m)).unwrap_or_default());
            view! { <ul>{why.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }
        })
    };
    // Always there, hidden while there are no reasons (no query): the first letter typed then
    // shows ten of them instead of building ten. A button that shows the list, not a
    // <details>: showing ten of those (each with its own shadow tree, summary and marker) took
    // the browser more style and layout work than the rest of a first letter's changes.
    let why = view! {
        <div class="hit__why" hidden=move || !has_reasons.get()>
            <button type="button" aria-expanded=move || if open.get() { "true" } else { "false" } on:click=move |_| open.update(|o| *o = !*o)>
                "Waarom deze treffer?"
            </button>
            {reasons}
        </div>
    };
    view! {
        <li class="hit" use:on_screen=on hidden=move || !shown.get() data-passage=move || shown.get().then(|| p().id.clone())>
            <h2 class="hit__title">
                <a href=href on:click=move |ev: MouseEvent| nav.follow(&ev, to())>{move || article().title.clone()}</a>
            </h2>
            // Empty parts (no author, no date) are hidden by the style sheet.
            <p class="hit__meta">
                <span class="kind">{move || doc().kind.label()}</span>
                <span>{who}</span>
                <span>{date}</span>
            </p>
            <p class="hit__snippet">{snippet}</p>
            <div class="passage__meta">
                <span class="stance" data-stance=move || stance().id()>
                    <StanceIcon />
                    <span class="stance__label">{move || stance().label()}</span>
                </span>
                <ul class="themes" aria-label="Thema's">{themes}</ul>
            </div>
            {why}
        </li>
    }
}

/// Text with `<mark>` around the given byte ranges; everything stays text, nothing is HTML.
pub fn marked(text: &str, marks: &[(usize, usize)]) -> impl IntoView {
    let mut pieces = Vec::new();
    let mut at = 0;
    for &(start, end) in marks {
        if start < at || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        pieces.push(text[at..start].to_string().into_any());
        pieces.push(view! { <mark>{text[start..end].to_string()}</mark> }.into_any());
        at = end;
    }
    pieces.push(text[at..].to_string().into_any());
    pieces
}

/// The marks of a hit over its passage's full text (for the reading view).
pub fn full_marks(corpus: &Corpus, hit: &Hit) -> Vec<(usize, usize)> {
    let text = &corpus.passages[hit.passage as usize].text;
    let terms: Vec<&str> = hit.matched.iter().filter(|m| !m.term.contains(' ')).map(|m| m.term.as_str()).collect();
    let phrases: Vec<Vec<String>> = hit
        .matched
        .iter()
        .filter(|m| m.term.contains(' '))
        .map(|m| m.term.split(' ').map(str::to_string).collect())
        .collect();
    marks(text, &terms, &phrases)
}

/// The engine's reasons, in plain Dutch.
fn explain(matched: &[crate::search::Match]) -> Vec<String> {
    matched
        .iter()
        .map(|m| {
            let (q, t) = (&m.query, &m.term);
            match m.kind {
                MatchKind::Exact => format!("\u{201c}{q}\u{201d} staat in de tekst."),
                MatchKind::Phrase => format!("De woorden \u{201c}{q}\u{201d} staan precies zo in de tekst."),
                MatchKind::Stem => format!("\u{201c}{t}\u{201d} is een andere vorm van \u{201c}{q}\u{201d}."),
                MatchKind::Synonym => format!("\u{201c}{t}\u{201d} betekent hier hetzelfde als \u{201c}{q}\u{201d}."),
                MatchKind::Prefix => format!("\u{201c}{t}\u{201d} begint met \u{201c}{q}\u{201d}."),
                MatchKind::Compound => format!("\u{201c}{t}\u{201d} is een samengesteld woord met \u{201c}{q}\u{201d} erin."),
                MatchKind::Typo => format!("\u{201c}{t}\u{201d} lijkt op \u{201c}{q}\u{201d} (misschien een typefout)."),
            }
        })
        .collect()
}

#[component]
fn NoResults(results: Results) -> impl IntoView {
    let nav = use_nav();
    let route = nav.route.get_untracked();
    let suggestions = crate::engine().suggestions(&results.query, 5);
    let filtered = !route.filters.is_empty();
    let reason = match (route.query.trim().is_empty(), filtered) {
        (_, true) => "Geen enkel tekstdeel past bij uw zoekwoorden en alle gekozen filters samen.",
        (false, false) => "Geen enkel tekstdeel bevat deze woorden, ook niet in een andere vorm of spelling.",
        (true, false) => "Er zijn geen tekstdelen.",
    };
    view! {
        <div class="no-results" data-no-results="">
            <p>{reason}</p>
            {(!suggestions.is_empty()).then(|| view! {
                <p>"Bedoelt u misschien: "
                    {suggestions.into_iter().map(|word| {
                        let mut to = route.search();
                        to.query = word.clone();
                        let href = nav.href(&to);
                        view! { <a class="suggestion" href=href on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>{word}</a>" " }
                    }).collect_view()}
                </p>
            })}
            {filtered.then(|| {
                let mut to = route.search();
                to.filters = Default::default();
                let href = nav.href(&to);
                view! { <p><a href=href on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>"Zoek zonder filters"</a></p> }
            })}
        </div>
    }
}

/// One filter value as shown: URL key and value, and label.
struct Option_ {
    key: &'static str,
    value: String,
    label: String,
}

fn filter_groups(corpus: &Corpus, facets: &Facets) -> Vec<(&'static str, Vec<Option_>)> {
    let option = |key, value: &str, label: &str| Option_ { key, value: value.to_string(), label: label.to_string() };
    vec![
        ("Kant", Stance::ALL.iter().map(|&s| option("kant", s.id(), s.label())).collect()),
        ("Thema", corpus.themes.iter().map(|t| option("thema", &t.id, &t.label)).collect()),
        ("Soort bron", Kind::ALL.iter().map(|&k| option("soort", k.id(), k.label())).collect()),
        (
            "Document",
            facets
                .documents
                .iter()
                .map(|&(a, _)| {
                    let doc = &corpus.documents[a as usize];
                    option("document", &doc.id, doc.title.as_deref().unwrap_or(&doc.id))
                })
                .collect(),
        ),
        (
            "Jaar",
            facets
                .years
                .iter()
                .map(|&(y, _)| option("jaar", &year_id(y), &y.map_or_else(|| "Datum onbekend".to_string(), |y| y.to_string())))
                .collect(),
        ),
    ]
}

/// The count of option `index` of group `group`, in the order of [`filter_groups`] (which
/// lists every value the corpus has, whatever the query).
fn facet_count(facets: &Facets, group: usize, index: usize) -> u32 {
    let count = match group {
        0 => facets.stances.get(index).copied(),
        1 => facets.themes.get(index).copied(),
        2 => facets.kinds.get(index).copied(),
        3 => facets.documents.get(index).map(|d| d.1),
        _ => facets.years.get(index).map(|y| y.1),
    };
    count.unwrap_or(0)
}

/// The filters with their counts; a change keeps the current view and adds a history entry.
#[component]
pub fn FilterPanel(results: Memo<Results>) -> impl IntoView {
    let nav = use_nav();
    let corpus = crate::corpus();
    let toggle = move |key: &'static str, value: String| {
        let mut route = nav.route.get_untracked();
        route.filters.toggle(key, &value);
        nav.push(route);
    };
    let clear = move |_| {
        let mut route = nav.route.get_untracked();
        route.filters = Default::default();
        nav.push(route);
    };
    // The filters apart from the query, so that typing does not ask every option whether it
    // is checked.
    let filters = Memo::new(move |_| nav.route.with(|r| r.filters.clone()));
    // The counts follow the results a frame later. Beside the hits on a wide screen, their
    // labels took a quarter of a keystroke's layout and paint (traced at 4x CPU slowdown),
    // while the hits are what the reader waits for.
    let later = after_next_frame(move || results.track());
    // Open beside the results on a wide screen. On a narrow one (a phone) the filters sit above
    // the results and took two screens: there they start folded, so the hits come right under
    // the search box; the summary says when some are on (the style sheet adds "(aan)"). The
    // width is the one at which style/main.css puts the filters beside the results.
    let wide = web_sys::window().and_then(|w| w.match_media("(min-width: 60rem)").ok().flatten()).is_some_and(|m| m.matches());
    view! {
        <aside class="filters" aria-labelledby="filters-kop">
            <details open=wide>
                <summary><h2 id="filters-kop" class="filters__title">"Filters"</h2></summary>
                <button type="button" class="filters__clear" on:click=clear
                    disabled=move || filters.with(|f| f.is_empty())>
                    "Alle filters wissen"
                </button>
                // Built once: the values never change, only their counts, their disabled state and
                // whether they are checked, each updated in place as the query changes.
                {filter_groups(corpus, &results.with_untracked(|r| r.facets.clone()))
                    .into_iter()
                    .enumerate()
                    .map(|(group, (legend, options))| view! {
                        <fieldset class="filters__group">
                            <legend>{legend}</legend>
                            {options.into_iter().enumerate().map(|(index, o)| {
                                let count = Memo::new(move |_| {
                                    later.track();
                                    results.with_untracked(|r| facet_count(&r.facets, group, index))
                                });
                                let (key, value) = (o.key, o.value.clone());
                                let checked = Memo::new(move |_| filters.with(|f| f.has(key, &value)));
                                let id = format!("f-{}-{}", o.key, o.value);
                                let value = o.value.clone();
                                view! {
                                    <div class="filters__option" data-filter=o.key data-value=o.value.clone()>
                                        <input type="checkbox" id=id.clone() prop:checked=checked
                                            disabled=move || !checked.get() && count.get() == 0
                                            on:change=move |_| toggle(key, value.clone()) />
                                        <label for=id>{o.label}" "<span class="filters__count">{move || format!("({})", count.get())}</span></label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                    })
                    .collect_view()}
            </details>
        </aside>
    }
}
