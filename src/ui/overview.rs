//! Overzicht: the corpus at a glance. The documents on a time line by year, and a table of
//! themes against stances whose cells are counts that open the filtered search.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::parts::StanceIcon;
use super::{focus_after_move, set_title, use_nav};
use crate::corpus::Stance;
use crate::search::year_of;
use crate::state::{Route, View};

#[component]
pub fn OverviewView() -> impl IntoView {
    let nav = use_nav();
    let corpus = crate::corpus();
    set_title("Overzicht");
    focus_after_move("[data-view=overzicht] h1");
    // The time line: articles grouped by year, undated last.
    let mut years: Vec<Option<u16>> = Vec::new();
    for year in corpus.articles().map(|(_, d)| d.date.map(|d| d.year)) {
        if let Err(at) = years.binary_search_by_key(&(year.is_none(), year), |y| (y.is_none(), *y))
        {
            years.insert(at, year);
        }
    }
    let link = move |to: Route, text: String| {
        let href = nav.href(&to);
        view! { <a href=href on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>{text}</a> }
    };
    view! {
        <section data-view="overzicht" class="overview">
            <h1 tabindex="-1">"Overzicht"</h1>
            <h2>"De teksten in de tijd"</h2>
            <ol class="timeline">
                {years.into_iter().map(|year| {
                    let docs: Vec<_> = corpus.articles().filter(|(_, d)| d.date.map(|d| d.year) == year).collect();
                    view! {
                        <li class="timeline__year" data-year=year.map_or_else(|| "onbekend".to_string(), |y| y.to_string())>
                            <h3>{year.map_or_else(|| "Zonder datum".to_string(), |y| y.to_string())}</h3>
                            <ul>
                                {docs.into_iter().map(|(_, d)| view! {
                                    <li>
                                        {link(Route::document(&d.id), d.title.clone().unwrap_or_default())}
                                        <span class="timeline__kind">" \u{2014} "{d.kind.label()}</span>
                                        {d.date_note.clone().map(|n| view! { <span class="timeline__note">" ("{n}")"</span> })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <h2 id="matrix-kop">"Thema\u{2019}s en kanten"</h2>
            <p>"Hoeveel tekstdelen per thema optimistisch, kritisch of gemengd zijn. Kies een getal om die tekstdelen te zien."</p>
            <div class="matrix__scroll">
                <table class="matrix" aria-labelledby="matrix-kop">
                    <thead>
                        <tr>
                            <th scope="col">"Thema"</th>
                            {Stance::ALL.into_iter().map(|s| view! {
                                <th scope="col"><span class="stance" data-stance=s.id()><StanceIcon />" "{s.label()}</span></th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {corpus.themes.iter().enumerate().map(|(t, theme)| view! {
                            <tr data-theme=theme.id.clone()>
                                <th scope="row">{theme.label.clone()}</th>
                                {Stance::ALL.into_iter().map(|s| {
                                    let n = corpus.passages.iter().filter(|p| p.stance == s && p.themes.contains(&(t as u8))).count();
                                    let mut to = Route::view(View::Zoeken);
                                    to.filters.toggle("thema", &theme.id);
                                    to.filters.toggle("kant", s.id());
                                    view! {
                                        <td data-stance=s.id()>
                                            {if n == 0 { view! { <span>"0"</span> }.into_any() } else {
                                                let label = format!("{n} tekstdelen over {} die {} zijn", crate::text::lowercase(&theme.label), crate::text::lowercase(s.label()));
                                                let href = nav.href(&to);
                                                view! { <a href=href aria-label=label on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>{n}</a> }.into_any()
                                            }}
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <super::words::SilentSides />
            <p class="overview__note">
                {format!("Van de {} tekstdelen heeft er {} een datum: ", corpus.passages.len(), (0..corpus.passages.len() as u32).filter(|&p| year_of(corpus, p).is_some()).count())}
                "de meeste teksten noemen geen datum. Wij vullen die niet zelf in."
            </p>
        </section>
    }
}
