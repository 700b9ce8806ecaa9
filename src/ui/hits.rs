//! The list of hits.
//!
//! A *row* is a place in the list (the first, the second, ...) with the component that shows
//! whatever hit the results put there. Rows are keyed by place, not by passage: nearly every
//! keystroke changes the passage at every place, and a row kept by place changes its texts
//! where a row keyed by passage would be built anew. For the same reason a row past the hits
//! is hidden rather than removed, and shown again by the next hits.
//!
//! The rows on the screen follow a change at once; the others (below the screen, or above it
//! when the reader has scrolled) follow in the task after the frame that shows the change
//! ([`super::after_next_frame`]): a screen holds two to four of ten hits, so that frame has
//! less than half the rows to build, lay out and paint. A row that comes into view catches up
//! at once.

use leptos::ev::MouseEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::parts::{people, StanceIcon};
use super::{after_next_frame, use_nav};
use crate::corpus::{Corpus, PassageIdx};
use crate::search::{Match, MatchKind, Results, Snippet};
use crate::state::{Route, View};

/// The hits as an `<ol class="hits">`, one `<li class="hit">` per row. `focus`, when given,
/// asks for the keyboard focus on the link of the hit at a place (counted from 0) as soon as
/// that row shows it ("Toon meer" continues at the first hit it added).
#[component]
pub fn HitList(
    results: Memo<Results>,
    #[prop(optional)] focus: Option<RwSignal<Option<usize>>>,
) -> impl IntoView {
    let later = after_next_frame(move || results.track());
    // Rows are added as more hits come and never removed: fewer hits hide the rows past them.
    let rows = Memo::new(move |before: Option<&usize>| {
        results.with(|r| r.hits.len()).max(before.copied().unwrap_or(0))
    });
    view! {
        <ol class="hits" hidden=move || results.with(|r| r.hits.is_empty())>
            <For each=move || 0..rows.get() key=|place| *place let:place>
                <HitRow results=results later=later place=place focus=focus />
            </For>
        </ol>
    }
}

/// What a row shows of its hit: not the passage's whole text and marks, nor its score.
#[derive(Clone, PartialEq)]
struct Shown {
    passage: PassageIdx,
    snippet: Snippet,
    matched: Vec<Match>,
}

#[component]
fn HitRow(
    results: Memo<Results>,
    later: RwSignal<u32>,
    place: usize,
    focus: Option<RwSignal<Option<usize>>>,
) -> impl IntoView {
    let nav = use_nav();
    let corpus = crate::corpus();
    let seen = RwSignal::new(true);
    let has_hit = Memo::new(move |_| results.with(|r| place < r.hits.len()));
    // The hit the row shows. It follows the results at once while the row is on the screen or
    // hidden (so it is up to date the moment it is shown), and after the next frame while it
    // is off the screen; past the hits it keeps what it showed, so hiding it changes nothing
    // else.
    let shown = Memo::new_owning(move |last: Option<Option<Shown>>| {
        if seen.get() || !has_hit.get() {
            results.track();
        } else {
            later.track();
        }
        results.with_untracked(|r| match r.hits.get(place) {
            Some(hit) => {
                let now = Some(Shown {
                    passage: hit.passage,
                    snippet: hit.snippet.clone(),
                    matched: hit.matched.clone(),
                });
                let changed = last.as_ref() != Some(&now);
                (now, changed)
            }
            None => (last.flatten(), false),
        })
    });
    let passage = Memo::new(move |_| shown.with(|s| s.as_ref().map_or(0, |s| s.passage)));
    let p = move || &corpus.passages[passage.get() as usize];
    let doc = move || &corpus.documents[p().document as usize];
    let article = move || &corpus.documents[corpus.article_of(p().document) as usize];
    let href = move || nav.href(&reading(corpus, passage.get(), nav.route.get()));
    // A plain click follows the current route, never an address written a frame before.
    let open_hit = move |ev: MouseEvent| {
        nav.follow(&ev, reading(corpus, passage.get_untracked(), nav.route.get_untracked()));
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
    let snippet = move || shown.with(|s| s.as_ref().map(|s| marked(&s.snippet)));
    let themes = move || {
        p().themes
            .iter()
            .map(|&t| {
                let theme = corpus.theme(t);
                view! { <li class="theme" title=theme.description.clone()>{theme.label.clone()}</li> }
            })
            .collect_view()
    };
    let link = NodeRef::<html::A>::new();
    if let Some(focus) = focus {
        Effect::new(move |_| {
            if focus.get() == Some(place) && has_hit.get() {
                if let Some(link) = link.get() {
                    let _ = link.focus();
                    focus.set(None);
                }
            }
        });
    }
    view! {
        <li class="hit" use:on_screen=seen hidden=move || !has_hit.get()
            data-passage=move || has_hit.get().then(|| p().id.clone())>
            <h2 class="hit__title">
                <a href=href on:click=open_hit node_ref=link>{move || article().title.clone()}</a>
            </h2>
            // Empty parts (no author, no date) are hidden by the style sheet.
            <p class="hit__meta">
                <span class="kind">{move || doc().kind.label()}</span>
                <span>{who}</span>
                <span>{date}</span>
            </p>
            <p class="hit__snippet">{snippet}</p>
            <div class="passage__meta">
                <span class="stance" data-stance=move || p().stance.id()>
                    <StanceIcon />
                    <span class="stance__label">{move || p().stance.label()}</span>
                </span>
                // Without themes the list is empty, and hidden by the style sheet.
                <ul class="themes" aria-label="Thema's">{themes}</ul>
                <LabelWhy passage=passage />
            </div>
            <Reasons shown=shown />
        </li>
    }
}

/// "Waarom deze treffer?": a button that opens the row's reasons, for whatever hit the row
/// shows. A button rather than a `<details>`: ten of those (each with its own shadow tree,
/// summary and marker) took the browser more style and layout work than the rest of a first
/// letter's changes. The button is always there, hidden while there are no reasons (no
/// query), so the first letter typed shows ten of them rather than building ten; the reasons
/// are written out only while they are open.
#[component]
fn Reasons(shown: Memo<Option<Shown>>) -> impl IntoView {
    let open = RwSignal::new(false);
    let none = Memo::new(move |_| shown.with(|s| s.as_ref().is_none_or(|s| s.matched.is_empty())));
    let lines = move || shown.with(|s| s.as_ref().map(|s| explain(&s.matched)).unwrap_or_default());
    view! {
        <div class="hit__why" hidden=move || none.get()>
            <button type="button" aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)>
                "Waarom deze treffer?"
            </button>
            <Show when=move || open.get()>
                <ul>{move || lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            </Show>
        </div>
    }
}

/// "Waarom dit label?": why the passage the row shows has its stance, behind a button (a
/// button for the reasons [`Reasons`] gives); hidden for a passage without a reason. It is
/// open for one passage, so a new hit in the row starts folded.
#[component]
fn LabelWhy(passage: Memo<PassageIdx>) -> impl IntoView {
    let corpus = crate::corpus();
    let open_for = RwSignal::new(None::<PassageIdx>);
    let open = move || open_for.get() == Some(passage.get());
    let reason = move || corpus.passages[passage.get() as usize].reason.as_deref();
    let toggle = move |_| {
        let passage = passage.get_untracked();
        open_for.update(|open| *open = (*open != Some(passage)).then_some(passage));
    };
    view! {
        <div class="hit__label-why" hidden=move || reason().is_none()>
            <button type="button" aria-expanded=move || if open() { "true" } else { "false" } on:click=toggle>
                "Waarom dit label?"
            </button>
            <p hidden=move || !open()>{move || reason().unwrap_or_default()}</p>
        </div>
    }
}

/// Keeps `on` saying whether the row `li` is on the screen (a directive: `use:on_screen=on`);
/// it counts as on it until the browser has said otherwise. The observer needs no
/// disconnecting: once the row is gone, it and its observer go together, and a last report to
/// the row's disposed signal changes nothing.
fn on_screen(li: web_sys::Element, on: RwSignal<bool>) {
    let report = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            // Entries come in order: the last one holds.
            if let Ok(entry) = entries.pop().dyn_into::<web_sys::IntersectionObserverEntry>() {
                on.try_set(entry.is_intersecting());
            }
        },
    );
    if let Ok(observer) = web_sys::IntersectionObserver::new(report.into_js_value().unchecked_ref())
    {
        observer.observe(&li);
    }
}

/// The reading view of `passage`, keeping the query and filters of `route`: the reading view
/// marks the words, and Back returns to these results.
fn reading(corpus: &Corpus, passage: PassageIdx, route: Route) -> Route {
    let p = &corpus.passages[passage as usize];
    let article = &corpus.documents[corpus.article_of(p.document) as usize];
    Route { passage: Some(p.id.clone()), doc: Some(article.id.clone()), view: View::Lezen, ..route }
}

/// The snippet as text with `<mark>` around its marks, and an ellipsis where the passage goes
/// on; everything stays text, nothing is HTML.
fn marked(snippet: &Snippet) -> Vec<AnyView> {
    let text = &snippet.text;
    let mut pieces = Vec::new();
    let mut at = 0;
    if snippet.cut_start {
        pieces.push("\u{2026}".into_any());
    }
    for &(start, end) in &snippet.marks {
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        pieces.push(text[at..start].to_string().into_any());
        pieces.push(view! { <mark>{text[start..end].to_string()}</mark> }.into_any());
        at = end;
    }
    pieces.push(text[at..].to_string().into_any());
    if snippet.cut_end {
        pieces.push("\u{2026}".into_any());
    }
    pieces
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
