//! The start page's introduction: what this is, who it is for, what is in it, and a few
//! questions to start with. index.html carries the same introduction as plain HTML, shown
//! while the app loads and without JavaScript (tests/browser/citizen.test.mjs checks that the
//! two say the same).

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::use_nav;
use crate::state::{Grouping, Route, View};

/// The introduction, as in index.html.
#[component]
pub fn Intro() -> impl IntoView {
    view! {
        <section class="intro" data-intro="">
            <h1 class="intro__title" tabindex="-1">"Wat vinden mensen van de hulp door de gemeente?"</h1>
            <p class="intro__text">
                "Sinds 2015 regelt de gemeente de jeugdhulp, de hulp bij u thuis (Wmo) en de hulp bij werk (Participatiewet). "
                "Deze verkenner laat zien wat daarover geschreven is."
            </p>
            <ul class="intro__points">
                <li><strong>"Voor wie?"</strong>" Voor iedereen die wil weten wat deze verandering betekent: inwoners, mantelzorgers, raadsleden en medewerkers van de gemeente."</li>
                <li><strong>"Wat staat erin?"</strong>" Nieuwsberichten, een opiniestuk, een persbericht en reacties van lezers. Wij hebben bij elk stuk tekst aangegeven of het optimistisch, kritisch of gemengd is."</li>
                <li><strong>"Wat kunt u doen?"</strong>" Zoeken in de teksten, de kansen en zorgen naast elkaar zien, en moeilijke woorden opzoeken."</li>
            </ul>
        </section>
    }
}

/// Questions a reader might come with, each a link to the view that answers it.
fn examples() -> Vec<(&'static str, Route)> {
    let search = |query: &str| Route { query: query.to_string(), ..Route::home() };
    let mut money = Route { grouping: Grouping::Thema, ..Route::view(View::NaastElkaar) };
    money.filters.toggle("thema", "geld");
    let mut readers = Route::home();
    readers.filters.toggle("soort", "reactie");
    vec![
        ("Wat staat er over thuiszorg?", search("thuiszorg")),
        ("Wat staat er over jeugdhulp en wachtlijsten?", search("jeugdhulp wachtlijst")),
        ("Wat is de Participatiewet?", Route::term("participatiewet")),
        ("Kan het goedkoper? Kansen en zorgen naast elkaar", money),
        ("Wat vinden lezers? Alle reacties", readers),
    ]
}

/// The example questions as links.
#[component]
pub fn Examples() -> impl IntoView {
    let nav = use_nav();
    view! {
        <nav class="examples" aria-labelledby="voorbeelden-kop">
            <h2 id="voorbeelden-kop" class="examples__title">"Begin bijvoorbeeld met een vraag"</h2>
            <ul class="examples__list">
                {examples().into_iter().map(|(label, to)| {
                    let href = nav.href(&to);
                    view! {
                        <li><a href=href data-example="" on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>{label}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}
