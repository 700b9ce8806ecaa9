//! Small pieces shared by the views: stance badges, theme lists, bylines.

use leptos::prelude::*;

use crate::corpus::{Corpus, Document, Passage, Person, Stance};

/// A stance shown by shape and word, never by colour alone.
#[component]
pub fn StanceBadge(stance: Stance) -> impl IntoView {
    view! {
        <span class="stance" data-stance=stance.id()>
            <StanceIcon stance=stance />
            <span class="stance__label">{stance.label()}</span>
        </span>
    }
}

/// The stance's icon: a plus for chances, a warning triangle for concerns, a balance of two
/// halves for mixed. Decorative: the label next to it carries the meaning.
#[component]
pub fn StanceIcon(stance: Stance) -> impl IntoView {
    let path = match stance {
        Stance::Optimistisch => "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm-.9 3.5h1.8v2.6h2.6v1.8H8.9v2.6H7.1V8.9H4.5V7.1h2.6Z",
        Stance::Kritisch => "M8 1 15.5 14.5H.5Zm-.9 4.5v4.2h1.8V5.5Zm0 5.4v1.8h1.8v-1.8Z",
        Stance::Gemengd => "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm0 1.8v10.4a5.2 5.2 0 0 1 0-10.4Z",
    };
    view! {
        <svg class="stance__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d=path fill="currentColor" fill-rule="evenodd" />
        </svg>
    }
}

/// Passage counts per stance, each with its icon and word.
#[component]
pub fn StanceCounts(counts: [usize; 3]) -> impl IntoView {
    view! {
        <ul class="stance-counts" aria-label="Tekstdelen per kant">
            {Stance::ALL
                .into_iter()
                .map(|stance| {
                    let n = counts[stance as usize];
                    view! {
                        <li class="stance" data-stance=stance.id()>
                            <StanceIcon stance=stance />
                            <span class="stance-counts__n">{n}</span>
                            " "
                            <span class="stance__label">{crate::text::lowercase(stance.label())}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The themes of a passage as a list of labels.
#[component]
pub fn ThemeList(corpus: &'static Corpus, passage: &'static Passage) -> impl IntoView {
    (!passage.themes.is_empty()).then(|| {
        view! {
            <ul class="themes" aria-label="Thema's">
                {passage
                    .themes
                    .iter()
                    .map(|&t| {
                        let theme = corpus.theme(t);
                        view! { <li class="theme" data-theme=theme.id.clone() title=theme.description.clone()>{theme.label.clone()}</li> }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// "Name (role)" for a person, as the text gives it.
pub fn person(p: &Person) -> String {
    match &p.role {
        Some(role) => format!("{} ({role})", p.name),
        None => p.name.clone(),
    }
}

/// A list of people as one phrase: "A (rol) en B (rol)".
pub fn people(list: &[Person]) -> String {
    let names: Vec<String> = list.iter().map(person).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

/// The document's byline: kind, who wrote it, where and when, as far as the text says.
#[component]
pub fn Byline(doc: &'static Document) -> impl IntoView {
    let who = if !doc.authors.is_empty() {
        Some(format!("Door {}", people(&doc.authors)))
    } else if !doc.quoted.is_empty() {
        Some(format!("Met {}", people(&doc.quoted)))
    } else {
        None
    };
    view! {
        <p class="byline">
            <span class="kind" data-kind=doc.kind.id()>{doc.kind.label()}</span>
            {who.map(|who| view! { <span class="byline__who">{who}</span> })}
            {doc.publisher.clone().map(|p| view! { <span class="byline__publisher">{p}</span> })}
            {match doc.date {
                Some(date) => view! { <time class="byline__date" datetime=date.iso()>{date.dutch()}</time> }.into_any(),
                None => view! { <span class="byline__date byline__date--unknown">"Datum niet vermeld"</span> }.into_any(),
            }}
        </p>
    }
}
