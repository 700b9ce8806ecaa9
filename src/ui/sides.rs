//! Naast elkaar: what hopeful and worried voices say about the same subject, side by side.
//!
//! The same search box and filters as Zoeken narrow both columns at once; the URL holds the
//! query, the filters and the grouping, so a comparison is one shareable link.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::parts::{lower_first, people, StanceIcon};
use super::search::{route_results, FilterPanel, SearchBox};
use super::{focus_after_move, set_title, use_nav};
use crate::corpus::{Corpus, PassageIdx, Stance};
use crate::sides::{by_question, by_theme, only_themes, Group, GroupKey};
use crate::state::{Grouping, Route, View};

#[component]
pub fn SideBySideView() -> impl IntoView {
    let nav = use_nav();
    let corpus = crate::corpus();
    set_title("Naast elkaar");
    focus_after_move("[data-view=naast-elkaar] h1");
    let results = route_results(usize::MAX);
    let grouping = Memo::new(move |_| nav.route.with(|r| r.grouping));
    // The themes the reader filtered on, by index: by theme, only their groups are shown,
    // and the summary names them.
    let chosen = Memo::new(move |_| {
        nav.route.with(|r| {
            let ids = &r.filters.themes;
            (0..corpus.themes.len() as u8)
                .filter(|&t| ids.iter().any(|id| *id == corpus.theme(t).id))
                .collect::<Vec<u8>>()
        })
    });
    let groups = Memo::new(move |_| {
        let passages: Vec<PassageIdx> =
            results.with(|r| r.hits.iter().map(|h| h.passage).collect());
        match grouping.get() {
            Grouping::Thema => chosen.with(|c| only_themes(by_theme(corpus, &passages), c)),
            Grouping::Kernvraag => by_question(corpus, &passages),
        }
    });
    // Side by side from this width on (style/main.css): there every group starts open. On a
    // phone the columns stack, and a group is as long as a few screens: there only the first
    // starts open, and the list of groups at the top leads to the others.
    let wide = web_sys::window()
        .and_then(|w| w.match_media("(min-width: 48rem)").ok().flatten())
        .is_some_and(|m| m.matches());
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
        let to = move || Route { grouping: g, ..nav.route.get() };
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
                            let about = chosen.with(|c| {
                                let labels: Vec<String> =
                                    c.iter().map(|&t| lower_first(&corpus.theme(t).label)).collect();
                                match labels.as_slice() {
                                    [] => String::new(),
                                    [init @ .., last] if !init.is_empty() => format!("Over {} en {last}: ", init.join(", ")),
                                    [one] | [.., one] => format!("Over {one}: "),
                                }
                            });
                            format!("{about}{o} optimistisch, {k} kritisch, {g} gemengd of neutraal.")
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
                            <GroupIndex corpus=corpus groups=groups />
                            <For each=move || groups.with(|gs| gs.iter().map(|g| g.key).collect::<Vec<_>>()) key=|k| *k let:key>
                                <GroupView corpus=corpus groups=groups key=key
                                    open=wide || groups.with_untracked(|gs| gs.first().map(|g| g.key) == Some(key)) />
                            </For>
                        }.into_any()
                    }}
                </div>
            </div>
        </section>
    }
}

/// A group's title and page id.
fn group_title(corpus: &Corpus, key: GroupKey) -> (String, String) {
    match key {
        GroupKey::Theme(t) => (corpus.theme(t).label.clone(), corpus.theme(t).id.clone()),
        GroupKey::KeyQuestion(k) => {
            (corpus.kernvragen[k].question.clone(), corpus.kernvragen[k].id.clone())
        }
    }
}

/// The groups at the top, each a link with its counts: one tap to any theme or question,
/// which opens it.
#[component]
fn GroupIndex(corpus: &'static Corpus, groups: Memo<Vec<Group>>) -> impl IntoView {
    let go = |id: String| {
        move |ev: MouseEvent| {
            ev.prevent_default();
            let Some(section) = document().get_element_by_id(&format!("g-{id}")) else { return };
            if let Ok(Some(details)) = section.query_selector("details") {
                let _ = details.set_attribute("open", "");
            }
            section.scroll_into_view();
            if let Ok(Some(summary)) = section.query_selector("summary") {
                if let Ok(summary) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(summary)
                {
                    let _ = summary.focus();
                }
            }
        }
    };
    view! {
        <nav class="group-index" aria-labelledby="groepen-kop">
            <h2 id="groepen-kop" class="group-index__title">"Naar een groep"</h2>
            <ul class="group-index__list">
                {move || groups.with(|gs| gs.iter().map(|g| {
                    let (title, id) = group_title(corpus, g.key);
                    let counts = format!(
                        "{} optimistisch, {} kritisch, {} gemengd",
                        g.optimistic.len(), g.critical.len(), g.mixed.len()
                    );
                    view! {
                        <li data-group-link=id.clone()>
                            <a href=format!("#g-{id}") on:click=go(id.clone())>{title}</a>
                            <span class="group-index__counts">{counts}</span>
                        </li>
                    }
                }).collect_view())}
            </ul>
        </nav>
    }
}

#[component]
fn GroupView(
    corpus: &'static Corpus,
    groups: Memo<Vec<Group>>,
    key: GroupKey,
    /// Whether the group starts unfolded.
    open: bool,
) -> impl IntoView {
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
                format!("over {}", lower_first(&theme.label)),
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
    let counts = move || {
        group.with(|g| {
            format!(
                "{} optimistisch, {} kritisch, {} gemengd",
                g.optimistic.len(),
                g.critical.len(),
                g.mixed.len()
            )
        })
    };
    view! {
        <section class="group" data-group=id.clone() id=format!("g-{id}") aria-labelledby=format!("groep-{id}")>
            <details class="group__fold" open=open>
            <summary class="group__summary">
                <h2 id=format!("groep-{id}")>{title}</h2>
                <span class="group__counts">{counts}</span>
            </summary>
            <p class="group__intro">{intro}</p>
            <Balance optimistic=Signal::derive(move || optimistic.with(Vec::len)) critical=Signal::derive(move || critical.with(Vec::len)) />
            <div class="sides">
                <Side corpus=corpus stance=Stance::Optimistisch heading="Optimistisch: kansen" passages=optimistic subject=subject.clone() />
                <Side corpus=corpus stance=Stance::Kritisch heading="Kritisch: zorgen" passages=critical subject=subject.clone() />
            </div>
            {move || (!mixed.with(Vec::is_empty)).then(|| view! {
                <div class="sides__mixed" data-side="gemengd">
                    <h3><span class="stance" data-stance="gemengd"><StanceIcon />" Gemengd of neutraal ("{move || mixed.with(Vec::len)}")"</span></h3>
                    <Cards corpus=corpus passages=mixed />
                </div>
            })}
            </details>
        </section>
    }
}

/// Cards shown in a column before "Toon alle": a column starts as its first few, so a group
/// fits a screen or two on a phone.
const FIRST_CARDS: usize = 3;

/// A column's cards: the first [`FIRST_CARDS`], and "Toon alle N" for the rest. The rest are
/// there but hidden, so unfolding them builds nothing, and a keystroke keeps every card.
#[component]
fn Cards(corpus: &'static Corpus, passages: Memo<Vec<PassageIdx>>) -> impl IntoView {
    let all = RwSignal::new(false);
    let place = move |passage: PassageIdx| {
        Memo::new(move |_| passages.with(|ps| ps.iter().position(|&p| p == passage)))
    };
    view! {
        <ul class="side__list">
            <For each=move || passages.get() key=|p| *p let:passage>
                {
                    let place = place(passage);
                    view! {
                        <VoiceCard corpus=corpus passage=passage
                            hidden=Signal::derive(move || !all.get() && place.get().is_none_or(|i| i >= FIRST_CARDS)) />
                    }
                }
            </For>
        </ul>
        {move || (passages.with(Vec::len) > FIRST_CARDS).then(|| view! {
            <button type="button" class="side__all" aria-expanded=move || all.get().to_string()
                on:click=move |_| all.update(|a| *a = !*a)>
                {move || if all.get() {
                    format!("Toon alleen de eerste {FIRST_CARDS}")
                } else {
                    format!("Toon alle {}", passages.with(Vec::len))
                }}
            </button>
        })}
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
                view! { <Cards corpus=corpus passages=passages /> }.into_any()
            }}
        </div>
    }
}

/// A passage in full with who wrote it and a link into the reading view.
#[component]
fn VoiceCard(corpus: &'static Corpus, passage: PassageIdx, hidden: Signal<bool>) -> impl IntoView {
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
        <li class="voice" data-passage=p.id.clone() data-stance=p.stance.id() hidden=hidden>
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
