//! Naast elkaar: what hopeful and worried voices say about the same subject, side by side; per
//! key question, the answers the texts give. Each column says who speaks in it.
//!
//! The same search box and filters as Zoeken narrow every column at once; the URL holds the
//! query, the filters and the grouping, so a comparison is one shareable link. The grouping
//! itself, the counts of voices and the agreement of the texts come from `crate::sides`.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::parts::{people, LabelReason, StanceBadge, StanceIcon};
use super::search::{route_results, FilterPanel, SearchBox};
use super::{focus_after_move, set_title, use_nav};
use crate::corpus::{Corpus, PassageIdx, Stance};
use crate::sides::{
    agreement, by_question, by_theme, scale, speakers, ColumnKey, Group, GroupKey, Makeup,
};
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
    // One scale for every bar on the page: bars compare across groups too.
    let bar_scale = Memo::new(move |_| groups.with(|gs| scale(gs)));
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
            <MethodNote corpus=corpus />
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
                                <GroupView corpus=corpus groups=groups key=key bar_scale=bar_scale />
                            </For>
                        }.into_any()
                    }}
                </div>
            </div>
        </section>
    }
}

/// How the sides were chosen, and who speaks on them: the figures come from the corpus.
#[component]
fn MethodNote(corpus: &'static Corpus) -> impl IntoView {
    let critical = Makeup::of(corpus, Stance::Kritisch).sentence();
    let optimistic = Makeup::of(corpus, Stance::Optimistisch).sentence();
    view! {
        <details class="sides-view__about" data-method="">
            <summary>"Hoe zijn de kanten bepaald, en wie spreekt er?"</summary>
            <p>"Wij hebben elk tekstdeel zelf gelezen en er één label bij gezet. "
               <strong>"Optimistisch"</strong>" betekent: de tekst ziet kansen, verwacht dat de verandering goed uitpakt of verdedigt haar. "
               <strong>"Kritisch"</strong>" betekent: de tekst ziet risico\u{2019}s, twijfels of schade. "
               <strong>"Gemengd of neutraal"</strong>" betekent: allebei, of alleen een beschrijving of een advies. "
               "Waar een label niet vanzelf spreekt, staat bij het tekstdeel \u{2018}Waarom dit label?\u{2019}."</p>
            <p>"Per kernvraag staan de tekstdelen niet per kant, maar per antwoord op die vraag. "
               "Een tekstdeel staat alleen bij een vraag als het die vraag beantwoordt."</p>
            <p><strong>"Vergelijk stemmen, niet alleen tekstdelen. "</strong>
               "De kritische kant bestaat hier vooral uit reacties van lezers, de optimistische kant vooral uit teksten van bestuurders, ambtenaren en adviesraden. "
               {critical}" "{optimistic}</p>
            <p>"Dat maakt uit als u de kolommen vergelijkt. Een reactie is de korte mening van één lezer. "
               "Een opiniestuk of persbericht is een uitgewerkte tekst van een organisatie. "
               "Eén schrijver kan veel tekstdelen hebben. Daarom staat bij elke kolom hoeveel stemmen er spreken, en wie."</p>
            <p>"Dit is een keuze van mensen, geen meting. De teksten zijn een kleine verzameling. "
               "Een langere kolom zegt iets over deze verzameling, niet over wie gelijk heeft."</p>
        </details>
    }
}

#[component]
fn GroupView(
    corpus: &'static Corpus,
    groups: Memo<Vec<Group>>,
    key: GroupKey,
    bar_scale: Memo<usize>,
) -> impl IntoView {
    let group = Memo::new(move |_| {
        groups.with(|gs| {
            gs.iter().find(|g| g.key == key).cloned().unwrap_or_else(|| Group::new(corpus, key))
        })
    });
    let (title, intro, id, agreed) = match key {
        GroupKey::Theme(t) => {
            let theme = corpus.theme(t);
            (theme.label.clone(), theme.description.clone(), theme.id.clone(), None)
        }
        GroupKey::KeyQuestion(k) => {
            let q = &corpus.kernvragen[k];
            (q.question.clone(), q.intro.clone(), q.id.clone(), agreement(q).map(|a| a.sentence(q)))
        }
    };
    let column_keys: Vec<ColumnKey> =
        group.with_untracked(|g| g.columns.iter().map(|c| c.key).collect());
    let column = move |k: ColumnKey| {
        Memo::new(move |_| {
            group.with(|g| g.column(k).map(|c| c.passages.clone()).unwrap_or_default())
        })
    };
    let columns: Vec<(ColumnKey, Memo<Vec<PassageIdx>>)> =
        column_keys.iter().map(|&k| (k, column(k))).collect();
    let mixed = Memo::new(move |_| group.with(|g| g.mixed.clone()));
    let answers = matches!(key, GroupKey::KeyQuestion(_));
    view! {
        <section class="group" data-group=id.clone() aria-labelledby=format!("groep-{id}")>
            <h2 id=format!("groep-{id}")>{title}</h2>
            <p class="group__intro">{intro}</p>
            {agreed.map(|text| view! { <p class="group__agreement" data-agreement="">{text}</p> })}
            <Balance corpus=corpus key=key columns=columns.clone() bar_scale=bar_scale />
            <div class="sides" class:sides--answers=answers>
                {columns.into_iter().map(|(k, passages)| view! {
                    <Side corpus=corpus group=key column=k passages=passages />
                }).collect_view()}
            </div>
            {move || (!mixed.with(Vec::is_empty)).then(|| view! {
                <div class="sides__mixed" data-side="gemengd">
                    <h3><span class="stance" data-stance="gemengd"><StanceIcon />" Gemengd of neutraal ("{move || mixed.with(Vec::len)}")"</span></h3>
                    <Speakers corpus=corpus passages=mixed />
                    <ul class="side__list">
                        <For each=move || mixed.get() key=|p| *p let:passage>
                            <VoiceCard corpus=corpus passage=passage show_stance=false />
                        </For>
                    </ul>
                </div>
            })}
        </section>
    }
}

/// The words for a column: its stance or its answer.
fn column_label(corpus: &Corpus, group: GroupKey, column: ColumnKey) -> String {
    match (group, column) {
        (_, ColumnKey::Stance(stance)) => stance.label().to_string(),
        (GroupKey::KeyQuestion(k), ColumnKey::Answer(a)) => {
            corpus.kernvragen[k].answers[a].label.clone()
        }
        (GroupKey::Theme(_), ColumnKey::Answer(_)) => String::new(),
    }
}

/// The `data-*` hook of a column: `data-side` for a stance, `data-answer` for an answer.
fn column_hook(
    corpus: &Corpus,
    group: GroupKey,
    column: ColumnKey,
) -> (Option<&'static str>, Option<String>) {
    match (group, column) {
        (_, ColumnKey::Stance(stance)) => (Some(stance.id()), None),
        (GroupKey::KeyQuestion(k), ColumnKey::Answer(a)) => {
            (None, Some(corpus.kernvragen[k].answers[a].id.clone()))
        }
        (GroupKey::Theme(_), ColumnKey::Answer(_)) => (None, None),
    }
}

/// Per column, passages and voices in words and as a bar. The bars share the page's scale, so
/// their lengths are the real numbers: one against none does not look like ten against none.
/// The words carry the meaning, not the bars or their colours.
#[component]
fn Balance(
    corpus: &'static Corpus,
    key: GroupKey,
    columns: Vec<(ColumnKey, Memo<Vec<PassageIdx>>)>,
    bar_scale: Memo<usize>,
) -> impl IntoView {
    view! {
        <ul class="balance" aria-label="Verdeling">
            {columns.into_iter().map(|(column, passages)| {
                let label = column_label(corpus, key, column);
                let (side, answer) = column_hook(corpus, key, column);
                let hook = side.map(str::to_string).or(answer).unwrap_or_default();
                let tally = Memo::new(move |_| passages.with(|p| speakers(corpus, p).total));
                let width = move || format!("{}%", tally.get().passages * 100 / bar_scale.get().max(1));
                view! {
                    <li class="balance__row" data-balance=hook>
                        <span class="balance__numbers">
                            {side.map(|_| view! { <StanceIcon /> })}
                            {move || format!("{label}: {}", tally.get().phrase())}
                        </span>
                        <span class="balance__track" aria-hidden="true">
                            <span class="balance__bar" data-stance=side style:width=width></span>
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Side(
    corpus: &'static Corpus,
    group: GroupKey,
    column: ColumnKey,
    passages: Memo<Vec<PassageIdx>>,
) -> impl IntoView {
    let empty = Memo::new(move |_| passages.with(Vec::is_empty));
    let (side, answer) = column_hook(corpus, group, column);
    let heading = match column {
        ColumnKey::Stance(Stance::Optimistisch) => "Optimistisch: kansen".to_string(),
        ColumnKey::Stance(Stance::Kritisch) => "Kritisch: zorgen".to_string(),
        _ => column_label(corpus, group, column),
    };
    let empty_text = match (group, column) {
        (GroupKey::Theme(t), ColumnKey::Stance(stance)) => format!(
            "In deze teksten staat geen {} tekstdeel over {}.",
            stance.id(),
            crate::text::lowercase(&corpus.theme(t).label)
        ),
        _ => "Bij deze zoekopdracht en filters geeft geen tekstdeel dit antwoord.".to_string(),
    };
    let show_stance = answer.is_some();
    view! {
        <div class="side" data-side=side data-answer=answer>
            <h3>
                {match side {
                    Some(stance) => view! { <span class="stance" data-stance=stance><StanceIcon />" "{heading.clone()}" ("{move || passages.with(Vec::len)}")"</span> }.into_any(),
                    None => view! { <span>{heading.clone()}" ("{move || passages.with(Vec::len)}")"</span> }.into_any(),
                }}
            </h3>
            {move || if empty.get() {
                view! { <p class="side__empty">{empty_text.clone()}</p> }.into_any()
            } else {
                view! {
                    <Speakers corpus=corpus passages=passages />
                    <ul class="side__list">
                        <For each=move || passages.get() key=|p| *p let:passage>
                            <VoiceCard corpus=corpus passage=passage show_stance=show_stance />
                        </For>
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

/// Who speaks in a column, in words and numbers: in all, per kind of text and per role.
#[component]
fn Speakers(corpus: &'static Corpus, passages: Memo<Vec<PassageIdx>>) -> impl IntoView {
    let who = Memo::new(move |_| passages.with(|p| speakers(corpus, p)));
    view! {
        <div class="speakers" data-speakers="">
            <p class="speakers__total">{move || format!("Wie spreekt hier: {}.", who.with(|w| w.total.phrase()))}</p>
            <ul class="speakers__list" aria-label="Per soort tekst">
                {move || who.with(|w| w.kinds.iter().map(|(kind, tally)| view! {
                    <li data-kind=kind.id()>{format!("{}: {}", kind.label(), tally.phrase())}</li>
                }).collect_view())}
            </ul>
            <ul class="speakers__list" aria-label="Per rol">
                {move || who.with(|w| w.roles.iter().map(|(role, tally)| view! {
                    <li data-role=role.id()>{format!("{}: {}", role.label(), tally.phrase())}</li>
                }).collect_view())}
            </ul>
        </div>
    }
}

/// A passage in full with who speaks in it, its stance where the column does not say it, the
/// reason for its label, and a link into the reading view.
#[component]
fn VoiceCard(corpus: &'static Corpus, passage: PassageIdx, show_stance: bool) -> impl IntoView {
    let nav = use_nav();
    let p = &corpus.passages[passage as usize];
    let doc = &corpus.documents[p.document as usize];
    let article = &corpus.documents[corpus.article_of(p.document) as usize];
    let who = people(&doc.voice_people());
    let roles = speakers(corpus, &[passage]).role_words();
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
                " "<span class="voice__role">{format!("\u{b7} {roles}")}</span>
            </p>
            {(show_stance || p.reason.is_some()).then(|| view! {
                <div class="passage__meta">
                    {show_stance.then(|| view! { <StanceBadge stance=p.stance /> })}
                    <LabelReason passage=p />
                </div>
            })}
            <p class="voice__link">
                <a href=href on:click=move |ev: MouseEvent| nav.follow(&ev, to())>
                    {format!("Lees in \u{201c}{}\u{201d}", article.title.clone().unwrap_or_default())}
                </a>
            </p>
        </li>
    }
}
