//! Above the hits: what search did with the reader's words, and where the texts talk about
//! them. First the everyday words of the query with where they belong ("Het woord thuiszorg
//! staat niet in de teksten. Het hoort bij: ..."), then the glossary terms and themes the
//! query names, then the words found nowhere and those found only loosely. Each target is a
//! link. The core decides (`crate::bridge`, `crate::report`); this only shows it.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::use_nav;
use crate::bridge::{bridge, theme_passages};
use crate::corpus::{TermIdx, ThemeIdx};
use crate::report::{report, Outcome};
use crate::search::MatchKind;
use crate::state::Route;

/// The signposts of the current query; nothing when there is nothing to say.
#[component]
pub fn Signposts() -> impl IntoView {
    let nav = use_nav();
    let query = Memo::new(move |_| nav.route.with(|r| r.query.clone()));
    let posts = Memo::new(move |_| query.with(|q| bridge().signposts(q)));
    let words = Memo::new(move |_| query.with(|q| report(crate::engine(), q)));
    move || {
        let posts = posts.get();
        let words = words.get();
        let query = query.get_untracked();
        let corpus = crate::corpus();
        // A word the everyday list answers on its own is said there ("staat niet in de
        // teksten"), not again as not found; a word of a longer everyday phrase is
        // ("huishoudelijke" of "huishoudelijke hulp": the hits below are about "hulp").
        let bridged: Vec<String> = posts
            .everyday
            .iter()
            .map(|(_, range)| crate::text::analyze(&query[range.clone()]))
            .filter(|tokens| tokens.len() == 1)
            .map(|tokens| tokens[0].term.clone())
            .collect();
        let missing: Vec<String> = words
            .iter()
            .filter(|w| w.outcome == Outcome::Missing && !bridged.contains(&w.word))
            .map(|w| w.word.clone())
            .collect();
        let loose: Vec<(String, MatchKind, String)> = words
            .iter()
            .filter_map(|w| match &w.outcome {
                Outcome::Loose { kind, term } => Some((w.word.clone(), *kind, term.clone())),
                _ => None,
            })
            .collect();
        if posts.is_empty() && missing.is_empty() && loose.is_empty() {
            return ().into_any();
        }
        view! {
            <div class="signposts" data-signposts="">
                {posts.everyday.iter().map(|(i, range)| {
                    let entry = &corpus.everyday[*i];
                    let typed = query[range.clone()].to_string();
                    let absent = words.iter().any(|w| w.outcome == Outcome::Missing && crate::text::analyze(&typed).iter().any(|t| t.term == w.word));
                    let lead = if absent {
                        format!("Het woord \u{201c}{typed}\u{201d} staat niet in de teksten. Het hoort bij: ")
                    } else {
                        format!("Het woord \u{201c}{typed}\u{201d} hoort bij: ")
                    };
                    view! {
                        <p class="signpost" data-everyday=entry.word.clone()>
                            {lead}
                            <Targets themes=entry.themes.clone() terms=entry.terms.clone() />
                            {entry.note.clone().map(|note| view! { <span class="signpost__note">" "{note}</span> })}
                        </p>
                    }
                }).collect_view()}
                {(!posts.terms.is_empty() || !posts.themes.is_empty()).then(|| view! {
                    <p class="signpost" data-named="">
                        "Over dit onderwerp: "
                        <Targets themes=posts.themes.clone() terms=posts.terms.clone() />
                    </p>
                })}
                {(!missing.is_empty()).then(|| view! {
                    <p class="signpost signpost--missing" data-missing=missing.join(" ")>
                        "Niet gevonden in de teksten: "<strong>{missing.join(", ")}</strong>
                        {(missing.len() < words.len()).then_some(". Hieronder staat wat de andere woorden vinden.")}
                    </p>
                })}
                {loose.into_iter().map(|(word, kind, term)| {
                    let how = match kind {
                        MatchKind::Typo => "bijna dezelfde spelling",
                        _ => "alleen als deel van een langer woord",
                    };
                    view! {
                        <p class="signpost" data-loose=word.clone()>
                            {format!("\u{201c}{word}\u{201d} is gevonden als \u{201c}{term}\u{201d} ({how}).")}
                        </p>
                    }
                }).collect_view()}
            </div>
        }
        .into_any()
    }
}

/// Themes (each with its number of passages) and glossary terms, as links, separated by dots.
#[component]
fn Targets(themes: Vec<ThemeIdx>, terms: Vec<TermIdx>) -> impl IntoView {
    let nav = use_nav();
    let corpus = crate::corpus();
    let themes = themes.into_iter().map(|t| {
        let theme = corpus.theme(t);
        let mut to = Route::home();
        to.filters.toggle("thema", &theme.id);
        let n = theme_passages(corpus, t);
        (format!("{}, {n} tekstdelen", theme.label), to, "thema", theme.id.clone())
    });
    let terms = terms.into_iter().map(|t| {
        let term = &corpus.glossary[t as usize];
        (format!("Begrip: {}", term.term), Route::term(&term.id), "begrip", term.id.clone())
    });
    themes
        .chain(terms)
        .enumerate()
        .map(|(i, (label, to, kind, id))| {
            let href = nav.href(&to);
            let label = if kind == "thema" { format!("Thema: {label}") } else { label };
            view! {
                {(i > 0).then_some(" \u{b7} ")}
                <a href=href data-target-kind=kind data-target-id=id
                    on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>{label}</a>
            }
        })
        .collect_view()
}
