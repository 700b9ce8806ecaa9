//! Small pieces shared by the views: stance badges, theme lists, bylines.

use leptos::prelude::*;

use crate::corpus::{Corpus, Document, Passage, Person, Stance};

/// A stance shown by shape and word, never by colour alone.
#[component]
pub fn StanceBadge(stance: Stance) -> impl IntoView {
    view! {
        <span class="stance" data-stance=stance.id()>
            <StanceIcon />
            <span class="stance__label">{stance.label()}</span>
        </span>
    }
}

/// The stance's icon: a plus for chances, a warning triangle for concerns, a balance of two
/// halves for mixed. Drawn by the style sheet (a path clipping a box in the text colour)
/// after the stance of the `.stance` element around it, so a list of hits does not build an
/// SVG per hit.
/// Decorative: the label next to it carries the meaning.
#[component]
pub fn StanceIcon() -> impl IntoView {
    view! { <span class="stance__icon" aria-hidden="true"></span> }
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
                            <StanceIcon />
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

/// Why a passage has its stance, where the corpus gives a reason: folded away under
/// "Waarom dit label?", so the label can be checked without crowding the text.
#[component]
pub fn LabelReason(passage: &'static Passage) -> impl IntoView {
    passage.reason.clone().map(|reason| {
        view! {
            <details class="label-why" data-label-reason="">
                <summary>"Waarom dit label?"</summary>
                <p>{reason}</p>
            </details>
        }
    })
}

/// Marks a field we inferred from the page rather than read in the text.
const INFERRED: &str = " (afgeleid uit de pagina)";

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
                        view! { <li class="theme" title=theme.description.clone()>{theme.label.clone()}</li> }
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
    let inferred =
        |yes: bool| yes.then(|| view! { <span class="byline__inferred">{INFERRED}</span> });
    let who = if !doc.authors.is_empty() {
        Some((format!("Door {}", people(&doc.authors)), doc.inferred.authors))
    } else if !doc.quoted.is_empty() {
        Some((format!("Met {}", people(&doc.quoted)), false))
    } else {
        None
    };
    view! {
        <p class="byline">
            <span class="kind" data-kind=doc.kind.id()>{doc.kind.label()}</span>
            {who.map(|(who, guessed)| view! { <span class="byline__who">{who}{inferred(guessed)}</span> })}
            {doc.publisher.clone().map(|p| view! { <span class="byline__publisher">{p}{inferred(doc.inferred.publisher)}</span> })}
            {match doc.date {
                Some(date) => view! { <span class="byline__date"><time datetime=date.iso()>{date.dutch()}</time>{inferred(doc.inferred.date)}</span> }.into_any(),
                None => view! { <span class="byline__date byline__date--unknown">"Datum niet vermeld"</span> }.into_any(),
            }}
        </p>
    }
}
