//! Overzicht: the corpus at a glance. The documents on a time line by year, a table of themes
//! against stances whose cells are counts that open the filtered search, and who speaks on
//! each side: stances against kinds of text and against roles, in passages and voices.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::parts::StanceIcon;
use super::{focus_after_move, set_title, use_nav};
use crate::corpus::{Corpus, Kind, RoleKind, Stance};
use crate::search::year_of;
use crate::sides::{by_stance, Makeup, Tally};
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
            // On a narrow screen the rows stack (style/main.css): each theme a block, its counts
            // each with its stance beside it. The roles keep it a table for screen readers
            // whatever the display; the box scrolls (and takes focus) only at a large zoom.
            <div class="matrix__scroll" tabindex="0" role="region" aria-labelledby="matrix-kop">
                <table class="matrix" role="table" aria-labelledby="matrix-kop">
                    <thead role="rowgroup">
                        <tr role="row">
                            <th scope="col" role="columnheader">"Thema"</th>
                            {Stance::ALL.into_iter().map(|s| view! {
                                <th scope="col" role="columnheader"><span class="stance" data-stance=s.id()><StanceIcon />" "{s.label()}</span></th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody role="rowgroup">
                        {corpus.themes.iter().enumerate().map(|(t, theme)| view! {
                            <tr data-theme=theme.id.clone() role="row">
                                <th scope="row" role="rowheader">{theme.label.clone()}</th>
                                {Stance::ALL.into_iter().map(|s| {
                                    let n = corpus.passages.iter().filter(|p| p.stance == s && p.themes.contains(&(t as u8))).count();
                                    let mut to = Route::view(View::Zoeken);
                                    to.filters.toggle("thema", &theme.id);
                                    to.filters.toggle("kant", s.id());
                                    view! {
                                        <td data-stance=s.id() role="cell">
                                            <span class="matrix__label stance" data-stance=s.id() aria-hidden="true"><StanceIcon />" "{s.label()}</span>
                                            {if n == 0 { view! { <span class="matrix__n">"0"</span> }.into_any() } else {
                                                let label = format!("{n} tekstdelen over {} die {} zijn", super::parts::lower_first(&theme.label), crate::text::lowercase(s.label()));
                                                let href = nav.href(&to);
                                                view! { <a class="matrix__n" href=href aria-label=label on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>{n}</a> }.into_any()
                                            }}
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <WhoSpeaks corpus=corpus />
            <super::words::SilentSides />
            <p class="overview__note">
                {format!("Van de {} tekstdelen hebben er {} een datum: ", corpus.passages.len(), (0..corpus.passages.len() as u32).filter(|&p| year_of(corpus, p).is_some()).count())}
                "de meeste teksten noemen geen datum. Wij vullen die niet zelf in."
            </p>
        </section>
    }
}

/// Who speaks on each side: per stance, the passages and distinct voices of each kind of text
/// and of each role, with what that means for comparing the sides.
#[component]
fn WhoSpeaks(corpus: &'static Corpus) -> impl IntoView {
    let sides = by_stance(corpus);
    let kinds: Vec<(&'static str, &'static str)> =
        Kind::ALL.into_iter().map(|k| (k.id(), k.label())).collect();
    let present: Vec<RoleKind> = RoleKind::ALL
        .into_iter()
        .filter(|&r| sides.iter().any(|(_, s)| s.role(r).passages > 0))
        .collect();
    let roles = present.iter().map(|r| (r.id(), r.label())).collect();
    let kind_rows = sides
        .iter()
        .map(|(stance, s)| (*stance, Kind::ALL.into_iter().map(|k| (k.id(), s.kind(k))).collect()))
        .collect();
    let role_rows = sides
        .iter()
        .map(|(stance, s)| (*stance, present.iter().map(|&r| (r.id(), s.role(r))).collect()))
        .collect();
    view! {
        <h2 id="wie-kop">"Wie spreekt er per kant?"</h2>
        <p>"Per kant: hoeveel tekstdelen uit elke soort tekst komen, en van hoeveel verschillende schrijvers (stemmen). "
           "Een stem is een schrijver of organisatie; twee reacties onder dezelfde naam tellen als één stem."</p>
        <p class="overview__makeup" data-makeup="">
            "De kritische kant bestaat hier vooral uit reacties van lezers, de optimistische kant vooral uit teksten van bestuurders, ambtenaren en adviesraden. "
            {Makeup::of(corpus, Stance::Kritisch).sentence()}" "{Makeup::of(corpus, Stance::Optimistisch).sentence()}
            " Vergelijk daarom stemmen, niet alleen tekstdelen: een reactie is de korte mening van één lezer, een opiniestuk of persbericht een uitgewerkte tekst van een organisatie."
        </p>
        <SpeakerTable id="kant-soort" caption="Kant en soort tekst" corner="Kant" columns=kinds rows=kind_rows />
        <SpeakerTable id="kant-rol" caption="Kant en rol van de schrijver" corner="Kant" columns=roles rows=role_rows />
    }
}

/// A table of stances against kinds or roles; each cell gives passages and voices.
#[component]
fn SpeakerTable(
    id: &'static str,
    caption: &'static str,
    corner: &'static str,
    columns: Vec<(&'static str, &'static str)>,
    rows: Vec<(Stance, Vec<(&'static str, Tally)>)>,
) -> impl IntoView {
    view! {
        // Focusable, so a keyboard can scroll a table wider than a phone.
        <div class="matrix__scroll" tabindex="0" role="region" aria-label=caption>
            <table class="matrix matrix--speakers" data-table=id>
                <caption>{caption}" (tekstdelen en stemmen)"</caption>
                <thead>
                    <tr>
                        <th scope="col">{corner}</th>
                        {columns.iter().map(|(_, label)| view! { <th scope="col">{*label}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(stance, cells)| view! {
                        <tr data-stance=stance.id()>
                            <th scope="row"><span class="stance" data-stance=stance.id()><StanceIcon />" "{stance.label()}</span></th>
                            {cells.into_iter().map(|(column, tally)| view! {
                                <td data-column=column data-passages=tally.passages data-voices=tally.voices>
                                    {tally.passages}
                                    <span class="matrix__voices">{format!(" ({})", crate::sides::counted(tally.voices, "stem", "stemmen"))}</span>
                                </td>
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
