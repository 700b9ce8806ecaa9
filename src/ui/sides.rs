//! Naast elkaar: what hopeful and worried voices say about the same subject, side by side.
//!
//! The same search box and filters as Zoeken narrow both columns at once; the URL holds the
//! query, the filters and the grouping, so a comparison is one shareable link.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::parts::{people, StanceIcon};
use super::search::{route_results, FilterPanel, SearchBox};
use super::{focus_after_move, set_title, use_nav};
use crate::corpus::{Corpus, PassageIdx, Stance};
use crate::sides::{by_question, by_theme, Group, GroupKey};
use crate::state::{Grouping, Route, View};

#[component]
pub fn SideBySideView() -> impl IntoView {
    let nav = use_nav();
    let corpus = crate::corpus();
    set_title("Naast elkaar");
    focus_after_move("[data-view=naast-elkaar] h1");
    let results = route_results(usize::MAX);
    let grouping = Memo::new(move |_| nav.route.with(|r| r.grouping));
    let question = Memo::new(move |_| nav.route.with(|r| r.question.clone()));
    let groups = Memo::new(move |_| {
        let passages: Vec<PassageIdx> =
            results.with(|r| r.hits.iter().map(|h| h.passage).collect());
        let mut groups = match grouping.get() {
            Grouping::Thema => by_theme(corpus, &passages),
            Grouping::Kernvraag => by_question(corpus, &passages),
        };
        // One key question alone (`kernvraag=`, as an embed shows it).
        if let Some(id) = question.get() {
            groups.retain(
                |g| matches!(g.key, GroupKey::KeyQuestion(k) if corpus.kernvragen[k].id == id),
            );
        }
        groups
    });
    let empty = Memo::new(move |_| groups.with(Vec::is_empty));
    let totals = move || {
        results.with(|r| {
            let mut n = [0usize; 3];
            for hit in &r.hits {
                n[corpus.passages[hit.passage as usize].stance as usize] += 1;
            }
            n
        })
    };
    let grouping_link = move |g: Grouping, label: &'static str| {
        let to = move || Route { grouping: g, question: None, ..nav.route.get() };
        view! {
            <a href=move || nav.href(&to()) aria-current=move || (grouping.get() == g).then_some("true")
                on:click=move |ev: MouseEvent| nav.follow(&ev, to())>{label}</a>
        }
    };
    view! {
        <section data-view="naast-elkaar" class="sides-view">
            <h1 tabindex="-1">"Naast elkaar: kansen en zorgen"</h1>
            <details class="sides-view__about">
                <summary>"Hoe zijn de kanten bepaald?"</summary>
                <p>"Wij hebben elk tekstdeel zelf gelezen en er één label bij gezet. "
                   <strong>"Optimistisch"</strong>" betekent: de tekst ziet kansen, verwacht dat de verandering goed uitpakt of verdedigt haar. "
                   <strong>"Kritisch"</strong>" betekent: de tekst ziet risico\u{2019}s, twijfels of schade. "
                   <strong>"Gemengd of neutraal"</strong>" betekent: allebei, of alleen een beschrijving."</p>
                <p>"Dit is een keuze van mensen, geen meting. De teksten zijn een kleine verzameling. "
                   "Een langere kolom zegt iets over deze verzameling, niet over wie gelijk heeft."</p>
            </details>
            <SearchBox />
            <div class="search__layout">
                <FilterPanel results=results />
                <div>
                    <p class="search__count" role="status" aria-live="polite" aria-atomic="true">
                        {move || {
                            let [o, k, g] = totals();
                            format!("{o} optimistisch, {k} kritisch, {g} gemengd of neutraal.")
                        }}
                    </p>
                    <nav class="sides-view__grouping" aria-label="Groeperen">
                        "Groepeer per: " {grouping_link(Grouping::Thema, "thema")} " \u{b7} " {grouping_link(Grouping::Kernvraag, "kernvraag")}
                    </nav>
                    // Groups and the cards in them are keyed: while the reader types, a card that
                    // stays keeps its element.
                    {move || if empty.get() {
                        view! { <p class="no-results" data-no-results="">"Geen tekstdelen bij deze zoekopdracht en filters."</p> }.into_any()
                    } else {
                        view! {
                            <For each=move || groups.with(|gs| gs.iter().map(|g| g.key).collect::<Vec<_>>()) key=|k| *k let:key>
                                <GroupView corpus=corpus groups=groups key=key />
                            </For>
                        }.into_any()
                    }}
                </div>
            </div>
        </section>
    }
}

#[component]
fn GroupView(corpus: &'static Corpus, groups: Memo<Vec<Group>>, key: GroupKey) -> impl IntoView {
    let group = Memo::new(move |_| {
        groups
            .with(|gs| gs.iter().find(|g| g.key == key).cloned().unwrap_or_else(|| Group::new(key)))
    });
    let (title, intro, subject, id) = match key {
        GroupKey::Theme(t) => {
            let theme = corpus.theme(t);
            (
                theme.label.clone(),
                theme.description.clone(),
                format!("over {}", crate::text::lowercase(&theme.label)),
                theme.id.clone(),
            )
        }
        GroupKey::KeyQuestion(k) => {
            let q = &corpus.kernvragen[k];
            (q.question.clone(), q.intro.clone(), "bij deze vraag".to_string(), q.id.clone())
        }
    };
    let side = move |stance: Stance| {
        Memo::new(move |_| {
            group.with(|g| match stance {
                Stance::Optimistisch => g.optimistic.clone(),
                Stance::Kritisch => g.critical.clone(),
                Stance::Gemengd => g.mixed.clone(),
            })
        })
    };
    let (optimistic, critical, mixed) =
        (side(Stance::Optimistisch), side(Stance::Kritisch), side(Stance::Gemengd));
    view! {
        <section class="group" data-group=id.clone() aria-labelledby=format!("groep-{id}")>
            <h2 id=format!("groep-{id}")>{title}</h2>
            <p class="group__intro">{intro}</p>
            <Balance optimistic=Signal::derive(move || optimistic.with(Vec::len)) critical=Signal::derive(move || critical.with(Vec::len)) />
            <div class="sides">
                <Side corpus=corpus stance=Stance::Optimistisch heading="Optimistisch: kansen" passages=optimistic subject=subject.clone() />
                <Side corpus=corpus stance=Stance::Kritisch heading="Kritisch: zorgen" passages=critical subject=subject.clone() />
            </div>
            {move || (!mixed.with(Vec::is_empty)).then(|| view! {
                <div class="sides__mixed" data-side="gemengd">
                    <h3><span class="stance" data-stance="gemengd"><StanceIcon />" Gemengd of neutraal ("{move || mixed.with(Vec::len)}")"</span></h3>
                    <ul class="side__list">
                        <For each=move || mixed.get() key=|p| *p let:passage>
                            <VoiceCard corpus=corpus passage=passage />
                        </For>
                    </ul>
                </div>
            })}
        </section>
    }
}

/// Counts per side as numbers and as a bar; the numbers carry the meaning, not the colours.
#[component]
fn Balance(optimistic: Signal<usize>, critical: Signal<usize>) -> impl IntoView {
    let share = move || optimistic.get() * 100 / (optimistic.get() + critical.get()).max(1);
    view! {
        <div class="balance">
            <p class="balance__numbers">{move || format!("{} optimistisch tegenover {} kritisch", optimistic.get(), critical.get())}</p>
            <div class="balance__bar" aria-hidden="true">
                <span class="balance__part" data-stance="optimistisch" style:width=move || format!("{}%", share())></span>
                <span class="balance__part" data-stance="kritisch" style:width=move || format!("{}%", 100 - share())></span>
            </div>
        </div>
    }
}

#[component]
fn Side(
    corpus: &'static Corpus,
    stance: Stance,
    heading: &'static str,
    passages: Memo<Vec<PassageIdx>>,
    subject: String,
) -> impl IntoView {
    let empty = Memo::new(move |_| passages.with(Vec::is_empty));
    view! {
        <div class="side" data-side=stance.id()>
            <h3><span class="stance" data-stance=stance.id()><StanceIcon />" "{heading}" ("{move || passages.with(Vec::len)}")"</span></h3>
            {move || if empty.get() {
                view! { <p class="side__empty">{format!("In deze teksten staat geen {} tekstdeel {subject}.", stance.id())}</p> }.into_any()
            } else {
                view! {
                    <ul class="side__list">
                        <For each=move || passages.get() key=|p| *p let:passage>
                            <VoiceCard corpus=corpus passage=passage />
                        </For>
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

/// A passage in full with who wrote it and a link into the reading view.
#[component]
fn VoiceCard(corpus: &'static Corpus, passage: PassageIdx) -> impl IntoView {
    let nav = use_nav();
    let p = &corpus.passages[passage as usize];
    let doc = &corpus.documents[p.document as usize];
    let article = &corpus.documents[corpus.article_of(p.document) as usize];
    let who = if !doc.authors.is_empty() {
        people(&doc.authors)
    } else if !doc.quoted.is_empty() {
        people(&doc.quoted)
    } else {
        doc.publisher.clone().unwrap_or_default()
    };
    // The link keeps the current query and filters; the card itself outlives a keystroke.
    let to = move || {
        let route = nav.route.get();
        Route {
            view: View::Lezen,
            doc: Some(article.id.clone()),
            passage: Some(p.id.clone()),
            query: route.query,
            filters: route.filters,
            ..Route::default()
        }
    };
    let href = move || nav.href(&to());
    view! {
        <li class="voice" data-passage=p.id.clone() data-stance=p.stance.id()>
            <blockquote class="voice__text">{p.text.clone()}</blockquote>
            <p class="voice__who">
                <span class="kind">{doc.kind.label()}</span>" "
                {(!who.is_empty()).then(|| view! { <span>{who}</span> })}
            </p>
            <p class="voice__link">
                <a href=href on:click=move |ev: MouseEvent| nav.follow(&ev, to())>
                    {format!("Lees in \u{201c}{}\u{201d}", article.title.clone().unwrap_or_default())}
                </a>
            </p>
        </li>
    }
}
