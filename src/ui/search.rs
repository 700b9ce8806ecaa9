//! Zoeken: the start view. A search box, filters with live counts, and the hits.
//!
//! The query and the filters live in the URL: typing replaces the history entry (once typing
//! pauses, see [`super::Nav::replace`]), a filter change adds one, so Back steps through what
//! the reader chose. Results are computed once per change in a `Memo` and read by the count,
//! the filters and the list.

use leptos::ev::{Event, KeyboardEvent, MouseEvent};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::hits::HitList;
use super::{after_next_frame, focus_after_move, set_title, use_nav};
use crate::corpus::{Corpus, Kind, Stance};
use crate::search::{marks, year_id, Facets, Filters, Hit, Results};
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
    // The start page (nothing asked, nothing filtered) opens with the introduction and
    // example questions; all passages follow below them, as a list to browse, not as a find.
    // The introduction stays while the reader types there (the search box does not jump under
    // their fingers) and goes on the next move; the examples go at the first letter.
    let asked =
        Memo::new(move |_| nav.route.with(|r| !r.query.is_empty() || !r.filters.is_empty()));
    let intro = Memo::new(move |_| {
        nav.moves.track();
        !asked.get_untracked()
    });
    let has_more = Memo::new(move |_| results.with(|r| r.hits.len() < r.total));
    let painted = super::after_first_paint();
    // The place in the list whose link is to get the focus.
    let focus = RwSignal::new(None);
    let show_more = move |_: MouseEvent| {
        let key = nav.route.with_untracked(Route::to_query);
        let shown = results.with_untracked(|r| r.hits.len());
        more.set((key, shown));
        // Keyboard and screen reader users continue at the first hit that was added.
        focus.set(Some(shown));
    };
    view! {
        <section data-view="zoeken" class="search">
            {move || if intro.get() {
                view! { <super::home::Intro /> }.into_any()
            } else {
                view! { <h1 class="visually-hidden">"Zoeken in de teksten"</h1> }.into_any()
            }}
            <SearchBox />
            {move || (!asked.get()).then(|| view! { <super::home::Examples /> })}
            {move || painted.get().then(|| view! {
                <div class="search__layout">
                    <FilterPanel results=results />
                    <div class="search__results">
                        <super::signposts::Signposts />
                        <p class="search__count" role="status" aria-live="polite" aria-atomic="true">
                            {move || count_text(&results.get())}
                        </p>
                        // The list stays while there are no hits (hidden, with its rows), so the
                        // next hits update it in place instead of building it anew.
                        <HitList results=results focus=focus />
                        <Show when=move || empty.get()>
                            {move || view! { <NoResults results=results.get() /> }}
                        </Show>
                        // Built when there come to be more hits than are shown, and then only its
                        // text changes as the reader types.
                        <Show when=move || has_more.get()>
                            <button type="button" class="search__more" on:click=show_more>
                                {move || {
                                    let (shown, total) = results.with(|r| (r.hits.len(), r.total));
                                    let next = PAGE.min(total.saturating_sub(shown));
                                    format!("Toon {next} meer (nu {shown} van {total})")
                                }}
                            </button>
                        </Show>
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
        let value = event_target_value(&ev);
        nav.replace(with_query(value));
    };
    let input = NodeRef::<html::Input>::new();
    // One listener for both keys (every keystroke in the box comes here, and asking an event
    // for its key crosses into JavaScript): `/` anywhere but in a field, Escape in the box.
    let keys = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        let key = ev.key();
        let Some(input) = input.try_get_untracked().flatten() else { return };
        if key == "Escape" {
            let in_box = ev.target().as_ref() == Some(input.as_ref());
            if in_box && !nav.route.with_untracked(|r| r.query.is_empty()) {
                ev.prevent_default();
                nav.replace(with_query(String::new()));
                input.set_value("");
            }
            return;
        }
        let typing = || {
            document()
                .active_element()
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        };
        if key == "/" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && !typing() {
            ev.prevent_default();
            let _ = input.focus();
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <form role="search" class="search__form" on:submit=|ev| ev.prevent_default()>
            <label for="zoekveld" class="search__label">"Zoek in alle teksten"</label>
            <input
                type="search"
                id="zoekveld"
                node_ref=input
                class="search__input"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="zoekhulp"
                // The box holds what is typed; the route's query is written into it when the
                // reader moves (a suggestion, Back, Forward), not after every keystroke.
                prop:value=move || {
                    nav.moves.track();
                    nav.route.with_untracked(|r| r.query.clone())
                }
                on:input=on_input
            />
            <p id="zoekhulp" class="search__help">
                "Bijvoorbeeld: zorg, bezuinigingen, \u{201c}dichter bij de burger\u{201d} of gemeente -jeugd."
                <span class="search__keys">" Druk op / om hier te zoeken, Escape om te wissen."</span>
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
    let (Ok(host), Ok(spare), Some(body)) =
        (document().create_element("div"), document().create_element("div"), document().body())
    else {
        return;
    };
    let route = std::rc::Rc::new(std::cell::Cell::new(None));
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), {
        let route = route.clone();
        move || {
            let nav =
                super::Nav { route: RwSignal::new(Route::default()), moves: RwSignal::new(0) };
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
    fn type_next(
        host: web_sys::HtmlElement,
        route: RwSignal<Route>,
        steps: &'static [&'static str],
        done: impl FnOnce(web_sys::HtmlElement) + 'static,
    ) {
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
    let shown = if results.total > results.hits.len() {
        format!(" (de eerste {} staan hieronder)", results.hits.len())
    } else {
        String::new()
    };
    // Nothing asked yet (no words, no filters): nothing was found either; the list is all.
    let everything = results.total == crate::corpus().passages.len();
    if results.query.is_empty() && results.query.excluded.is_empty() && everything {
        return format!("Alle {} tekstdelen{shown}.", results.total);
    }
    match results.total {
        0 => "Geen tekstdelen gevonden.".to_string(),
        1 => "1 tekstdeel gevonden.".to_string(),
        n => format!("{n} tekstdelen gevonden{shown}."),
    }
}

/// The marks of a hit over its passage's full text (for the reading view).
pub fn full_marks(corpus: &Corpus, hit: &Hit) -> Vec<(usize, usize)> {
    let text = &corpus.passages[hit.passage as usize].text;
    let terms: Vec<&str> =
        hit.matched.iter().filter(|m| !m.term.contains(' ')).map(|m| m.term.as_str()).collect();
    let phrases: Vec<Vec<String>> = hit
        .matched
        .iter()
        .filter(|m| m.term.contains(' '))
        .map(|m| m.term.split(' ').map(str::to_string).collect())
        .collect();
    marks(text, &terms, &phrases)
}

#[component]
fn NoResults(results: Results) -> impl IntoView {
    let nav = use_nav();
    let route = nav.route.get_untracked();
    let suggestions = crate::engine().suggestions(&results.query, 5);
    let filtered = !route.filters.is_empty();
    let reason = match (route.query.trim().is_empty(), filtered) {
        (_, true) => "Geen enkel tekstdeel past bij uw zoekwoorden en alle gekozen filters samen.",
        (false, false) => {
            "Geen enkel tekstdeel bevat deze woorden, ook niet in een andere vorm of spelling."
        }
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
    let option = |key, value: &str, label: &str| Option_ {
        key,
        value: value.to_string(),
        label: label.to_string(),
    };
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
                .map(|&(y, _)| {
                    option(
                        "jaar",
                        &year_id(y),
                        &y.map_or_else(|| "Datum onbekend".to_string(), |y| y.to_string()),
                    )
                })
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
    let wide = web_sys::window()
        .and_then(|w| w.match_media("(min-width: 60rem)").ok().flatten())
        .is_some_and(|m| m.matches());
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
