//! Woorden: how each side uses a word, in context; the words typical of each side; the
//! framing words. Also the two pieces other views show of it: the quotes of a framing word in
//! its glossary entry, and the overview's table of where a side is silent.
//!
//! The answers come from the core (`crate::words`); these components only wire them to the
//! route and render them, as text.

use leptos::ev::{Event, MouseEvent};
use leptos::prelude::*;

use super::parts::StanceIcon;
use super::search::{route_results, FilterPanel, SearchBox};
use super::{focus_after_move, set_title, use_nav};
use crate::corpus::{Kind, PassageIdx, Stance, TermIdx};
use crate::search::MatchKind;
use crate::state::{Route, View};
use crate::words::{decimal, silence, Concordance, Grid, Line, Order};

/// Lines shown per side before "Toon alle": enough to read a use, few enough to draw in the
/// frame of a keystroke (the lines are most of what a keystroke draws).
const FIRST_LINES: usize = 10;

/// How a match kind reads next to a line.
fn kind_label(kind: MatchKind) -> &'static str {
    match kind {
        MatchKind::Exact => "zelfde woord",
        MatchKind::Compound => "in een samengesteld woord",
        _ => "andere vorm",
    }
}

/// The stance as an adjective before "tekstdeel".
fn stance_word(stance: Stance) -> &'static str {
    match stance {
        Stance::Gemengd => "gemengd of neutraal",
        s => s.id(),
    }
}

/// The reading view at a passage, with `word` marked in it.
fn passage_route(passage: PassageIdx, word: &str) -> Route {
    let corpus = crate::corpus();
    let p = &corpus.passages[passage as usize];
    let article = &corpus.documents[corpus.article_of(p.document) as usize];
    Route { word: word.to_string(), ..Route::passage(&article.id, &p.id) }
}

#[component]
pub fn WordsView() -> impl IntoView {
    let nav = use_nav();
    set_title("Woorden");
    focus_after_move("[data-view=woorden] h1");
    // The passages' tokens are analysed on first use: now, after the view is drawn, rather
    // than on the reader's first keystroke.
    set_timeout(
        || {
            crate::words::words();
        },
        std::time::Duration::ZERO,
    );
    let answer = Memo::new(move |_| {
        nav.route.with(|r| {
            (!r.word.trim().is_empty()).then(|| crate::words::words().lookup(&r.word, r.order))
        })
    });
    let on_input = move |ev: Event| {
        let value = event_target_value(&ev);
        let mut route = nav.route.get_untracked();
        route.word = value;
        nav.replace(route);
    };
    let order_link = move |order: Order, label: &'static str| {
        let to = move || Route { order, ..nav.route.get() };
        view! {
            <a href=move || nav.href(&to()) data-order=order.id()
                aria-current=move || nav.route.with(|r| r.order == order).then_some("true")
                on:click=move |ev: MouseEvent| nav.follow(&ev, to())>{label}</a>
        }
    };
    view! {
        <section data-view="woorden" class="words">
            <h1 tabindex="-1">"Woorden: hoe de kanten praten"</h1>
            <p class="lead">
                "Kies een woord en zie hoe optimistische, kritische en gemengde tekstdelen het gebruiken: "
                "elke keer met de woorden ervoor en erna."
            </p>
            <form role="search" class="search__form" on:submit=|ev| ev.prevent_default()>
                <label for="woordveld" class="search__label">"Zoek een woord"</label>
                <input type="search" id="woordveld" class="search__input" autocomplete="off"
                    spellcheck="false" aria-describedby="woordhulp"
                    prop:value=move || {
                        nav.moves.track();
                        nav.route.with_untracked(|r| r.word.clone())
                    }
                    on:input=on_input />
                <p id="woordhulp" class="search__help">
                    "Bijvoorbeeld: transformatie, eigen kracht of zorg. Ook andere vormen (bezuinigingen) en samengestelde woorden (mantelzorgers) tellen mee."
                </p>
            </form>
            <p class="words__status search__count" role="status" aria-live="polite" aria-atomic="true">
                {move || answer.with(|a| a.as_ref().map(status_text))}
            </p>
            <nav class="words__order" aria-label="Volgorde van de regels">
                "Zet de regels op volgorde: "
                {order_link(Order::Text, "zoals in de tekst")} " \u{b7} "
                {order_link(Order::Left, "woord links (L1)")} " \u{b7} "
                {order_link(Order::Right, "woord rechts (R1)")}
            </nav>
            {move || answer.get().map(|a| view! { <WordAnswer answer=a /> })}
            <FramingList />
            <TypicalWords />
        </section>
    }
}

/// The status line: the counts in words, or the word not found with suggestions.
fn status_text(answer: &Concordance) -> String {
    if answer.total() == 0 {
        let mut text =
            format!("Het woord \u{201c}{}\u{201d} staat niet in de teksten.", answer.word);
        if !answer.suggestions.is_empty() {
            text.push_str(&format!(" Bedoelt u: {}?", answer.suggestions.join(", ")));
        }
        return text;
    }
    let parts: Vec<String> = answer
        .sides
        .iter()
        .map(|s| format!("{} keer {}", s.count(), stance_word(s.stance)))
        .collect();
    format!("\u{201c}{}\u{201d}: {}.", answer.word, parts.join(", "))
}

#[component]
fn WordAnswer(answer: Concordance) -> impl IntoView {
    let nav = use_nav();
    if answer.total() == 0 {
        let suggestions = answer.suggestions.clone();
        return view! {
            <div class="no-results" data-no-results="">
                <p>"Dit woord komt in deze teksten niet voor, ook niet in een andere vorm."</p>
                {(!suggestions.is_empty()).then(|| view! {
                    <p>"Bedoelt u: "
                        {suggestions.into_iter().map(|s| {
                            let to = Route::word(&s);
                            let href = nav.href(&to);
                            let hook = s.clone();
                            view! { <a href=href data-suggestion=hook on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>{s}</a>" " }
                        }).collect_view()}
                    </p>
                })}
            </div>
        }
        .into_any();
    }
    let word = answer.word.clone();
    let shown_forms = answer.forms.len().min(12);
    let more_forms = answer.forms.len() - shown_forms;
    view! {
        <div class="words__answer" data-word=word.clone()>
            <div class="matrix__scroll" tabindex="0" role="region" aria-labelledby="telling-kop">
            <table class="counts words__counts">
                <caption id="telling-kop">{format!("Hoe vaak elke kant \u{201c}{word}\u{201d} gebruikt")}</caption>
                <thead><tr>
                    <th scope="col">"Kant"</th>
                    <th scope="col">"Aantal keer"</th>
                    <th scope="col">"Per 1 000 woorden"</th>
                    <th scope="col">"Woorden van deze kant"</th>
                </tr></thead>
                <tbody>
                    {answer.sides.iter().map(|s| view! {
                        <tr data-side=s.stance.id()>
                            <th scope="row"><span class="stance" data-stance=s.stance.id()><StanceIcon />" "{s.stance.label()}</span></th>
                            <td data-count="">{s.count()}</td>
                            <td data-per-thousand="">{decimal(s.per_thousand())}</td>
                            <td>{s.words}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <p class="words__forms">"Gevonden als: "
                {answer.forms.iter().take(shown_forms).enumerate().map(|(i, f)| view! {
                    {(i > 0).then_some(", ")}
                    <span data-form=f.term.clone() data-kind=f.kind.id()>{f.term.clone()}" ("{kind_label(f.kind)}", "{f.count}"\u{d7})"</span>
                }).collect_view()}
                {(more_forms > 0).then(|| format!(" en {more_forms} andere vormen"))}
                "."
            </p>
            <div class="words__sides">
                {answer.sides.iter().map(|s| view! {
                    <SideLines stance=s.stance lines=s.lines.clone() word=word.clone() />
                }).collect_view()}
            </div>
        </div>
    }
    .into_any()
}

#[component]
fn SideLines(stance: Stance, lines: Vec<Line>, word: String) -> impl IntoView {
    let corpus = crate::corpus();
    let nav = use_nav();
    let all = RwSignal::new(false);
    let count = lines.len();
    let heading_id = format!("kant-{}", stance.id());
    let labelled_by = heading_id.clone();
    let render = move |line: &Line| {
        let text = &corpus.passages[line.passage as usize].text;
        let [left, keyword, right] = line.parts(text);
        let to = passage_route(line.passage, &word);
        let href = nav.href(&to);
        view! {
            <li class="kwic" data-passage=corpus.passages[line.passage as usize].id.clone() data-kind=line.kind.id()>
                <a href=href on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>
                    <span class="kwic__left">{left.to_string()}</span>
                    <mark class="kwic__word">{keyword.to_string()}</mark>
                    <span class="kwic__right">{right.to_string()}</span>
                </a>
                {(line.kind != MatchKind::Exact).then(|| view! { <span class="kwic__kind">" ("{kind_label(line.kind)}")"</span> })}
            </li>
        }
    };
    let first: Vec<_> = lines.iter().take(FIRST_LINES).map(&render).collect();
    let rest = lines.clone();
    view! {
        <section class="words__side" data-side=stance.id() aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <span class="stance" data-stance=stance.id()><StanceIcon />" "{stance.label()}</span>
                " (" <span data-count="">{count}</span> ")"
            </h2>
            {if count == 0 {
                view! { <p class="side__empty">{format!("Geen enkel {} tekstdeel gebruikt dit woord.", stance_word(stance))}</p> }.into_any()
            } else {
                view! {
                    <ol class="kwic__list">
                        {first}
                        {move || all.get().then(|| rest.iter().skip(FIRST_LINES).map(&render).collect_view())}
                    </ol>
                    {(count > FIRST_LINES).then(|| view! {
                        <button type="button" class="words__more" hidden=move || all.get()
                            on:click=move |_| all.set(true)>{format!("Toon alle {count} regels")}</button>
                    })}
                }.into_any()
            }}
        </section>
    }
}

/// The curated framing words, each a link to its lines.
#[component]
fn FramingList() -> impl IntoView {
    let nav = use_nav();
    let table = crate::words::table();
    (!table.framing.is_empty()).then(|| {
        view! {
            <section class="words__framing" aria-labelledby="kaderwoorden-kop">
                <h2 id="kaderwoorden-kop">"Beladen woorden"</h2>
                <p>"Over deze woorden gaat het debat. De kanten gebruiken ze vaak anders."</p>
                <ul class="words__chips">
                    {table.framing.iter().map(|f| {
                        let to = Route::word(&f.word);
                        let href = nav.href(&to);
                        view! { <li><a href=href data-framing=f.word.clone() on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>{f.word.clone()}</a></li> }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// The words typical of each side, from the build.
#[component]
fn TypicalWords() -> impl IntoView {
    let nav = use_nav();
    let keywords = &crate::words::table().keywords;
    view! {
        <section class="words__typical" aria-labelledby="typisch-kop">
            <h2 id="typisch-kop">"Woorden die bij een kant horen"</h2>
            <p class="words__method">
                "We tellen hoe vaak elke kant een woord gebruikt, in alle vormen, en vergelijken dat met de andere twee kanten samen, naar de lengte van de teksten. "
                "Een woord staat hier als een kant het minstens drie keer gebruikt en zo veel vaker dan de rest dat het geen toeval lijkt (een toets die log-likelihood heet); kleine woorden als \u{201c}de\u{201d} en \u{201c}en\u{201d} tellen niet mee."
            </p>
            <div class="words__sides">
                {Stance::ALL.into_iter().zip(&keywords.sides).map(|(stance, list)| {
                    let caption_id = format!("typisch-{}", stance.id());
                    let (region_label, table_label) = (caption_id.clone(), caption_id.clone());
                    view! {
                        <div class="words__side" data-typical=stance.id()>
                            <h3 id=caption_id><span class="stance" data-stance=stance.id()><StanceIcon />" "{stance.label()}</span></h3>
                            {if list.is_empty() {
                                view! { <p class="side__empty">"Geen woord valt bij deze kant genoeg op."</p> }.into_any()
                            } else {
                                view! {
                                    <div class="matrix__scroll" tabindex="0" role="region" aria-labelledby=region_label>
                                    <table class="counts words__table" aria-labelledby=table_label>
                                        <thead><tr>
                                            <th scope="col">"Woord"</th>
                                            <th scope="col">"Keer bij deze kant"</th>
                                            <th scope="col">"Keer bij de andere kanten"</th>
                                        </tr></thead>
                                        <tbody>
                                            {list.iter().map(|k| {
                                                let to = Route::word(&k.form);
                                                let href = nav.href(&to);
                                                view! {
                                                    <tr data-keyword=k.form.clone()>
                                                        <th scope="row"><a href=href on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>{k.form.clone()}</a></th>
                                                        <td data-count="">{k.count}</td>
                                                        <td data-reference="">{k.reference}</td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                    </div>
                                }.into_any()
                            }}
                        </div>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}

/// In a glossary entry of a framing word: one real quote per side, each linked to its
/// passage; sides that never use the word are named.
#[component]
pub fn FramingQuotes(term: TermIdx) -> impl IntoView {
    let nav = use_nav();
    let corpus = crate::corpus();
    let framing = crate::words::table().framing.iter().find(|f| f.term == Some(term));
    framing.map(|f| {
        let all_lines = Route::word(&f.word);
        let all_href = nav.href(&all_lines);
        view! {
            <div class="framing-quotes" data-framing=f.word.clone()>
                <p class="framing-quotes__title"><strong>"Zo gebruiken de kanten dit woord"</strong></p>
                <ul>
                    {Stance::ALL.into_iter().map(|stance| {
                        match f.quotes.iter().find(|q| q.stance == stance) {
                            Some(q) => {
                                let text = &corpus.passages[q.passage as usize].text[q.start as usize..q.end as usize];
                                let to = passage_route(q.passage, &f.word);
                                let href = nav.href(&to);
                                view! {
                                    <li data-side=stance.id()>
                                        <span class="stance" data-stance=stance.id()><StanceIcon />" "{stance.label()}":"</span>" "
                                        <q>{text.to_string()}</q>" "
                                        <a href=href on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>"Lees het tekstdeel"</a>
                                    </li>
                                }.into_any()
                            }
                            None => view! {
                                <li data-side=stance.id()>
                                    <span class="stance" data-stance=stance.id()><StanceIcon />" "{stance.label()}":"</span>" "
                                    {format!("geen enkel {} tekstdeel gebruikt dit woord.", stance_word(stance))}
                                </li>
                            }.into_any(),
                        }
                    }).collect_view()}
                </ul>
                <p><a href=all_href on:click=move |ev: MouseEvent| nav.follow(&ev, all_lines.clone())>
                    {format!("Alle zinnen met \u{201c}{}\u{201d} per kant", f.word)}</a></p>
            </div>
        }
    })
}

/// In the overview: passages per theme, stance and kind of text under the current search and
/// filters, and the zeros that say where a side is silent.
#[component]
pub fn SilentSides() -> impl IntoView {
    let nav = use_nav();
    let corpus = crate::corpus();
    let results = route_results(usize::MAX);
    let grid = Memo::new(move |_| {
        let passages: Vec<PassageIdx> =
            results.with(|r| r.hits.iter().map(|h| h.passage).collect());
        Grid::new(corpus, &passages)
    });
    let silences = Memo::new(move |_| grid.with(Grid::silences));
    let cell = move |t: usize, s: Stance, k: Kind| {
        move || {
            let n = grid.with(|g| g.cells[t][s as usize][k as usize]);
            let mut to = nav.route.get();
            to.view = View::Zoeken;
            for (key, value) in
                [("thema", corpus.themes[t].id.as_str()), ("kant", s.id()), ("soort", k.id())]
            {
                if !to.filters.has(key, value) {
                    to.filters.toggle(key, value);
                }
            }
            if n == 0 {
                view! { <span class="silent__zero">"0"</span> }.into_any()
            } else {
                let label = format!(
                    "{n} {} tekstdelen over {} in {}",
                    stance_word(s),
                    crate::text::lowercase(&corpus.themes[t].label),
                    crate::text::lowercase(k.label())
                );
                let href = nav.href(&to);
                view! { <a href=href aria-label=label on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>{n}</a> }.into_any()
            }
        }
    };
    view! {
        <section class="silent" data-silent="" aria-labelledby="zwijgen-kop">
            <h2 id="zwijgen-kop">"Waar een kant zwijgt"</h2>
            <p>
                "Hoeveel tekstdelen er per thema zijn, per kant en per soort tekst. "
                "De verzameling teksten ligt vast, dus een 0 is echt een 0: die kant zegt daar in deze teksten niets. "
                "Zoek of filter om de tabel kleiner te maken."
            </p>
            <SearchBox />
            <div class="search__layout">
                <FilterPanel results=results />
                <div>
                    <h3 id="zwijgen-zinnen">"Wat er niet gezegd wordt"</h3>
                    {move || silences.with(|list| {
                        let item = |s: &silence::Silence| view! { <li data-silence=silence_id(*s)>{silence::sentence(corpus, *s)}</li> };
                        let (fine, broad): (Vec<_>, Vec<_>) = list.iter().partition(|s| matches!(s, silence::Silence::Cell(..)));
                        view! {
                            {broad.is_empty().then(|| view! { <p>"Elke kant komt in elke soort tekst en bij elk thema voor."</p> })}
                            <ul class="silent__list" data-silences="" aria-labelledby="zwijgen-zinnen">
                                {broad.iter().map(&item).collect_view()}
                            </ul>
                            {(!fine.is_empty()).then(|| view! {
                                <details class="silent__more">
                                    <summary>{format!("Per thema en soort tekst ({})", fine.len())}</summary>
                                    <ul class="silent__list">{fine.iter().map(item).collect_view()}</ul>
                                </details>
                            })}
                        }
                    })}
                    <div class="matrix__scroll" tabindex="0" role="region" aria-labelledby="zwijgen-kop">
                        <table class="counts silent__table" aria-labelledby="zwijgen-kop">
                            <thead>
                                <tr>
                                    <td></td>
                                    {Kind::ALL.into_iter().map(|k| view! {
                                        <th scope="colgroup" colspan="3">{k.label()}</th>
                                    }).collect_view()}
                                </tr>
                                <tr>
                                    <th scope="col">"Thema"</th>
                                    {Kind::ALL.into_iter().flat_map(|_| Stance::ALL).map(|s| view! {
                                        <th scope="col"><span class="stance" data-stance=s.id()><StanceIcon />" "{s.label()}</span></th>
                                    }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {corpus.themes.iter().enumerate().map(|(t, theme)| view! {
                                    <tr data-theme=theme.id.clone()>
                                        <th scope="row">{theme.label.clone()}</th>
                                        {Kind::ALL.into_iter().flat_map(|k| Stance::ALL.map(|s| (k, s))).map(|(k, s)| view! {
                                            <td data-stance=s.id() data-kind=k.id()>{cell(t, s, k)}</td>
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </div>
            </div>
        </section>
    }
}

/// A stable hook for tests: `kind:kritisch:persbericht`, `theme:jeugd:kritisch`,
/// `cell:jeugd:kritisch:reactie`.
fn silence_id(s: silence::Silence) -> String {
    let corpus = crate::corpus();
    match s {
        silence::Silence::Kind(st, k) => format!("kind:{}:{}", st.id(), k.id()),
        silence::Silence::Theme(t, st) => format!("theme:{}:{}", corpus.theme(t).id, st.id()),
        silence::Silence::Cell(t, st, k) => {
            format!("cell:{}:{}:{}", corpus.theme(t).id, st.id(), k.id())
        }
    }
}
