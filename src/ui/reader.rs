//! Lezen: one document with its passages, their stances and themes, and the comments below.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::parts::{person, Byline, LabelReason, StanceBadge, StanceCounts, ThemeList};
use super::{focus_after_move, set_title, Link};
use std::collections::HashMap;

use crate::corpus::{Corpus, DocIdx, Document, PassageIdx};
use crate::search::Filters;
use crate::state::{Route, View};

#[component]
pub fn Reader(doc: DocIdx) -> impl IntoView {
    let corpus = crate::corpus();
    let nav = super::use_nav();
    let route = nav.route.get_untracked();
    let target = route.passage.clone();
    // Arriving from a search: mark the search terms in the text.
    let marks = search_marks(&route);
    // A comment opens in its article, so it is read in context.
    let article_idx = corpus.article_of(doc);
    let article = &corpus.documents[article_idx as usize];
    let target =
        target.or_else(|| (article_idx != doc).then(|| corpus.documents[doc as usize].id.clone()));
    set_title(article.title.as_deref().unwrap_or_default());
    match &target {
        Some(id) => scroll_to_target(id.clone()),
        None => focus_after_move("[data-view=document] h1"),
    }
    let comments = article.comments.len();
    view! {
        <article data-view="document" data-document=article.id.clone() class="reader">
            <p class="reader__back">
                {if route.query.is_empty() && route.filters.is_empty() {
                    view! { <Link to=Route::view(View::Teksten)>"\u{2190} Alle documenten"</Link> }.into_any()
                } else {
                    view! { <Link to=route.search()>"\u{2190} Terug naar de zoekresultaten"</Link> }.into_any()
                }}
            </p>
            <h1 tabindex="-1">{article.title.clone()}</h1>
            <Byline doc=article />
            {article.date_note.clone().map(|note| view! { <p class="reader__date-note">{note}</p> })}
            {article.inferred_note.clone().map(|note| view! { <p class="reader__inferred" data-inferred-note="">"Afgeleid uit de pagina: "{note}</p> })}
            <StanceCounts counts=corpus.stance_counts(article) />
            <div class="reader__body">{passages(corpus, article, article, target.as_deref(), &marks)}</div>
            {(comments > 0).then(|| view! {
                <section data-comments="" class="comments" aria-labelledby="reacties-kop">
                    <h2 id="reacties-kop">{format!("Reacties van lezers ({comments})")}</h2>
                    {article.comments.iter().map(|&c| {
                        let comment = &corpus.documents[c as usize];
                        let author = comment.authors.first().map(person).unwrap_or_default();
                        let is_target = target.as_deref() == Some(comment.id.as_str());
                        view! {
                            <article class="comment" data-comment=comment.id.clone() id=format!("c-{}", comment.id)
                                data-target=is_target.then_some("true") tabindex=is_target.then_some("-1")>
                                <h3 class="comment__author">{author}</h3>
                                {is_target.then(|| view! { <p class="passage__from" data-from="">{from_line(comment, article)}</p> })}
                                {comment.date_note.clone().map(|note| view! { <p class="reader__date-note" data-date-note="">{note}</p> })}
                                {passages(corpus, comment, article, target.as_deref(), &marks)}
                            </article>
                        }
                    }).collect_view()}
                </section>
            })}
            <p class="reader__source">
                "Bron: vastgelegd van het web als " <code>{article.source.clone()}</code>
                ". Menu\u{2019}s, deelknoppen en andere webonderdelen zijn weggelaten; de tekst zelf is niet veranderd."
            </p>
        </article>
    }
}

/// Marks per passage for the search the reader came from: the passages it matched, with the
/// matched words' byte ranges in their full text.
fn search_marks(route: &Route) -> HashMap<PassageIdx, Vec<(usize, usize)>> {
    // Arriving from the Woorden view: mark that word as it found it.
    if !route.word.trim().is_empty() {
        return crate::words::words().marks(&route.word).into_iter().collect();
    }
    if route.query.trim().is_empty() {
        return HashMap::new();
    }
    let corpus = crate::corpus();
    let results = crate::engine().search(&route.query, &Filters::default(), usize::MAX);
    results
        .hits
        .iter()
        .map(|hit| (hit.passage, super::search::full_marks(corpus, hit)))
        .filter(|(_, marks)| !marks.is_empty())
        .collect()
}

/// The passages of one document, each with its heading, stance and themes. The passage the
/// reader came for says where it is from (kind and title), which is off the screen above it.
fn passages(
    corpus: &'static Corpus,
    doc: &'static Document,
    article: &'static Document,
    target: Option<&str>,
    marks: &HashMap<PassageIdx, Vec<(usize, usize)>>,
) -> impl IntoView {
    let first = doc.first_passage;
    corpus
        .passages_of(doc)
        .iter()
        .enumerate()
        .map(|(i, passage)| {
            let is_target = target == Some(passage.id.as_str());
            let no_marks = Vec::new();
            let text = annotated(&passage.text, marks.get(&(first + i as PassageIdx)).unwrap_or(&no_marks));
            let from = is_target.then(|| from_line(doc, article));
            view! {
                {passage.heading.clone().map(|h| view! { <h2 class="passage-heading">{h}</h2> })}
                <section class="passage" data-passage=passage.id.clone() data-stance=passage.stance.id()
                    id=format!("p-{}", passage.id) data-target=is_target.then_some("true")
                    tabindex=is_target.then_some("-1") aria-label=is_target.then_some("Gekozen tekstdeel")>
                    {from.map(|from| view! { <p class="passage__from" data-from="">{from}</p> })}
                    {passage.page_intro.then(|| view! { <p class="passage__kind" data-page-intro="">{super::parts::PAGE_INTRO}</p> })}
                    <p class="passage__text">{text}</p>
                    <div class="passage__meta">
                        <StanceBadge stance=passage.stance />
                        <ThemeList corpus=corpus passage=passage />
                        <LabelReason passage=passage />
                    </div>
                </section>
            }
        })
        .collect_view()
}

/// Where a passage is from: "Nieuws: title", or for a comment "Reactie van X op: title".
fn from_line(doc: &Document, article: &Document) -> String {
    let title = article.title.as_deref().unwrap_or(&article.id);
    match doc.authors.first().filter(|_| doc.is_comment()) {
        Some(author) => format!("{} van {} op: {title}", doc.kind.label(), author.name),
        None => format!("{}: {title}", doc.kind.label()),
    }
}

/// Passage text with search marks and glossary terms; a term that overlaps a mark stays a
/// plain mark. Everything is rendered as text.
fn annotated(text: &str, marks: &[(usize, usize)]) -> impl IntoView {
    let overlaps = |s: usize, e: usize| marks.iter().any(|&(ms, me)| s < me && ms < e);
    let terms: Vec<_> =
        crate::glossary::mentions(text).into_iter().filter(|m| !overlaps(m.start, m.end)).collect();
    // In text order, by insertion: a handful of cuts, and no sort routine in the wasm for it.
    let mut cuts: Vec<(usize, usize, Option<u16>)> = Vec::with_capacity(marks.len() + terms.len());
    for cut in marks
        .iter()
        .map(|&(s, e)| (s, e, None))
        .chain(terms.iter().map(|m| (m.start, m.end, Some(m.term))))
    {
        let at = cuts.partition_point(|c| *c <= cut);
        cuts.insert(at, cut);
    }
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, end, term) in cuts {
        if start < at || end > text.len() {
            continue;
        }
        pieces.push(text[at..start].to_string().into_any());
        let inner = text[start..end].to_string();
        pieces.push(match term {
            Some(term) => view! { <super::glossary::TermButton term=term text=inner /> }.into_any(),
            None => view! { <mark>{inner}</mark> }.into_any(),
        });
        at = end;
    }
    pieces.push(text[at..].to_string().into_any());
    pieces
}

/// Scrolls the marked passage (or comment) into view and gives it focus once it is rendered.
fn scroll_to_target(id: String) {
    request_animation_frame(move || {
        let selector = format!("[data-passage=\"{0}\"], [data-comment=\"{0}\"]", css_escape(&id));
        if let Ok(Some(el)) = document().query_selector(&selector) {
            el.scroll_into_view();
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Ids are validated as [a-z0-9-] at build time, but the target comes from the URL: keep only
/// characters that cannot break out of the attribute selector.
fn css_escape(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}
