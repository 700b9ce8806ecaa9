//! Begrippen: the glossary, searchable; and the term popover used in running text.

use leptos::ev::{Event, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{focus_after_move, set_title, use_nav};
use crate::corpus::TermIdx;
use crate::glossary::entry_matches;
use crate::state::Route;

#[component]
pub fn GlossaryView() -> impl IntoView {
    let nav = use_nav();
    let corpus = crate::corpus();
    set_title("Begrippen");
    let chosen = nav.route.with_untracked(|r| r.term.clone());
    match &chosen {
        Some(id) => scroll_to(format!("begrip-{}", css_id(id))),
        None => focus_after_move("[data-view=begrippen] h1"),
    }
    let on_input = move |ev: Event| {
        let value = event_target_value(&ev);
        let mut route = nav.route.get_untracked();
        route.query = value;
        route.term = None;
        nav.replace(route);
    };
    let visible = move |i: usize| nav.route.with(|r| entry_matches(corpus, i as TermIdx, &r.query));
    let count = move || (0..corpus.glossary.len()).filter(|&i| visible(i)).count();
    // Alphabetical by the folded term (`één` with `een`), by insertion: no sort routine needed.
    let mut keyed: Vec<(String, usize)> = Vec::with_capacity(corpus.glossary.len());
    for (i, term) in corpus.glossary.iter().enumerate() {
        let key = crate::text::fold(&term.term);
        let at = keyed.partition_point(|(k, _)| *k <= key);
        keyed.insert(at, (key, i));
    }
    let entries: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    view! {
        <section data-view="begrippen" class="glossary">
            <h1 tabindex="-1">"Begrippen"</h1>
            <p class="lead">
                "Woorden die u tegenkomt in de teksten over de decentralisaties, uitgelegd in gewone taal. "
                "De uitleg is door ons geschreven."
            </p>
            <div class="search__form">
                <label for="begripzoeker" class="search__label">"Zoek een begrip"</label>
                <input type="search" id="begripzoeker" class="search__input" autocomplete="off"
                    prop:value=move || nav.route.with(|r| r.query.clone()) on:input=on_input />
            </div>
            <p class="search__count" role="status" aria-live="polite">
                {move || match count() { 1 => "1 begrip".to_string(), n => format!("{n} begrippen") }}
            </p>
            <dl class="glossary__list">
                {entries.into_iter().map(|i| {
                    let term = &corpus.glossary[i];
                    let is_chosen = chosen.as_deref() == Some(term.id.as_str());
                    view! {
                        <div class="glossary__entry" data-term=term.id.clone() id=format!("begrip-{}", term.id)
                            data-target=is_chosen.then_some("true") tabindex=is_chosen.then_some("-1")
                            hidden=move || !visible(i)>
                            <dt>{term.term.clone()}</dt>
                            <dd>
                                <p>{term.explanation.clone()}</p>
                                <p class="glossary__source" data-source="">"Bron: "{term.source.clone()}</p>
                                <super::words::FramingQuotes term=i as TermIdx />
                                {(!term.aliases.is_empty()).then(|| view! {
                                    <p class="glossary__aliases">"Ook: " {term.aliases.join(", ")}</p>
                                })}
                                {(!term.see_also.is_empty()).then(|| view! {
                                    <p class="glossary__see">"Zie ook: "
                                        {term.see_also.iter().map(|&s| {
                                            let other = &corpus.glossary[s as usize];
                                            let to = Route::term(&other.id);
                                            let href = nav.href(&to);
                                            view! { <a href=href on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>{other.term.clone()}</a>" " }
                                        }).collect_view()}
                                    </p>
                                })}
                            </dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
        </section>
    }
}

/// A glossary term in running text: a button that opens its explanation in place, with a
/// link to the full entry. Escape closes it and returns focus to the button.
#[component]
pub fn TermButton(term: TermIdx, text: String) -> impl IntoView {
    let nav = use_nav();
    let entry = &crate::corpus().glossary[term as usize];
    let open = RwSignal::new(false);
    let id = format!("uitleg-{}-{}", entry.id, next_id());
    let button_id = format!("{id}-knop");
    let to = Route::term(&entry.id);
    let href = nav.href(&to);
    let close_on_escape = {
        let button_id = button_id.clone();
        move |ev: KeyboardEvent| {
            if ev.key() == "Escape" && open.get_untracked() {
                ev.prevent_default();
                open.set(false);
                if let Some(b) = document()
                    .get_element_by_id(&button_id)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = b.focus();
                }
            }
        }
    };
    // A tap or click anywhere outside closes it, as popups do; listened for only while open.
    let root = NodeRef::<leptos::html::Span>::new();
    let outside = std::sync::Arc::new(std::sync::Mutex::new(None::<WindowListenerHandle>));
    Effect::new({
        let outside = outside.clone();
        move |_| {
            let mut outside = outside.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(listener) = outside.take() {
                listener.remove();
            }
            if open.get() {
                *outside = Some(window_event_listener(leptos::ev::click, move |ev: MouseEvent| {
                    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    if !root.get_untracked().is_some_and(|r| r.contains(target.as_ref())) {
                        open.set(false);
                    }
                }));
            }
        }
    });
    on_cleanup(move || {
        if let Some(listener) = outside.lock().unwrap_or_else(|e| e.into_inner()).take() {
            listener.remove();
        }
    });
    view! {
        <span class="term" data-glossary=entry.id.clone() on:keydown=close_on_escape node_ref=root>
            <button type="button" class="term__button" id=button_id aria-expanded=move || open.get().to_string()
                aria-controls=id.clone() on:click=move |_| open.update(|o| *o = !*o)>
                {text}
            </button>
            <span class="term__pop" id=id role="note" aria-label=format!("Uitleg: {}", entry.term) hidden=move || !open.get()>
                <strong>{entry.term.clone()}</strong>": "{entry.explanation.clone()}" "
                <a href=href on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>"Meer in de begrippenlijst"</a>
            </span>
        </span>
    }
}

fn next_id() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn css_id(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

fn scroll_to(element_id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&element_id) {
            el.scroll_into_view();
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}
