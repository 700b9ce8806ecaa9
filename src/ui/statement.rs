//! Toegankelijkheid: a short accessibility statement in Dutch. Municipalities that embed the
//! app can point their own toegankelijkheidsverklaring here. It says only what the tests in
//! tests/browser/ check on every change, and what they do not.

use leptos::prelude::*;

use super::{focus_after_move, set_title};

#[component]
pub fn AccessibilityStatement() -> impl IntoView {
    set_title("Toegankelijkheid");
    focus_after_move("[data-view=toegankelijkheid] h1");
    view! {
        <section data-view="toegankelijkheid" class="statement">
            <h1 tabindex="-1">"Toegankelijkheid"</h1>
            <p>
                "Iedereen moet deze verkenner kunnen gebruiken, ook met een schermlezer, alleen een toetsenbord, "
                "een vergrote weergave of een klein scherm. Wij houden ons aan de richtlijnen WCAG 2.1, niveau AA."
            </p>
            <h2>"Wat wij testen"</h2>
            <p>"Bij elke wijziging testen wij automatisch, in de browser Chromium:"</p>
            <ul>
                <li>"alle onderdelen met axe-core, een bekend hulpmiddel dat WCAG-fouten opspoort, in licht en donker en op een scherm van 320 pixels breed;"</li>
                <li>"de hele taak met alleen het toetsenbord: zoeken, filteren, een tekst openen, naast elkaar bekijken en terug;"</li>
                <li>"dat de plek van het toetsenbord (de focus) altijd goed te zien is;"</li>
                <li>"dat het aantal resultaten wordt voorgelezen als het verandert;"</li>
                <li>"dat de kant van een tekst (optimistisch, kritisch of gemengd) altijd ook met een woord en een teken staat, niet alleen met een kleur."</li>
            </ul>
            <p>
                "Verder: de pagina heeft kopjes en herkenbare delen (kop, navigatie, inhoud), een link \u{201c}Naar de inhoud\u{201d}, "
                "en past zich aan als u liever minder beweging of een donkere weergave hebt."
            </p>
            <h2>"Wat wij (nog) niet weten"</h2>
            <ul>
                <li>"Er is geen keuring door een onafhankelijke deskundige gedaan."</li>
                <li>"Wij hebben niet getest met mensen die een schermlezer of andere hulpmiddelen gebruiken."</li>
                <li>"De teksten zelf zijn niet door ons geschreven en niet aangepast. Ze zijn soms moeilijk. De uitleg bij begrippen en thema\u{2019}s schrijven wij wel zelf, in eenvoudige taal."</li>
            </ul>
            <h2>"Een probleem melden"</h2>
            <p>
                "Loopt u ergens tegenaan? Meld het bij de organisatie op wiens website u deze verkenner gebruikt. "
                "Vermeld wat u deed, wat er gebeurde en welke browser en hulpmiddelen u gebruikt."
            </p>
            <p class="statement__date">"Deze verklaring is bijgewerkt op 22 november 2026."</p>
            <h2>"Deze versie"</h2>
            <p>"Meldt u een probleem? Noem dan ook deze versie. Zo weten wij welke versie u gebruikte."</p>
            <super::status::AppStatus />
        </section>
    }
}
