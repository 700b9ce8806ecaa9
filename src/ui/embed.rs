//! "Insluiten": a copy-ready snippet to embed the current view in another site.

use leptos::ev::MouseEvent;
use leptos::html::Dialog;
use leptos::prelude::*;

use super::use_nav;
use crate::state::{Route, View};

/// The app's folder on its host, with origin: `https://gemeente.nl/verkenner/`.
fn app_dir() -> (String, String) {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = path[..path.rfind('/').map_or(0, |i| i + 1)].to_string();
    (origin, dir)
}

/// The link a web editor can paste into a content system that embeds by oEmbed (WordPress,
/// Drupal), when the view is one the build wrote a page with oEmbed discovery for: one theme,
/// one key question or one article, with nothing else chosen. Other views embed with the code.
fn paste_link(route: &Route) -> Option<String> {
    let corpus = crate::corpus();
    let plain = route.query.is_empty() && route.passage.is_none();
    let f = &route.filters;
    let unfiltered = f.stances.is_empty() && f.kinds.is_empty() && f.documents.is_empty();
    let unfiltered = unfiltered && f.years.is_empty();
    let page = if let Some(id) = &route.doc {
        let article = corpus.documents.iter().any(|d| &d.id == id && d.title.is_some());
        (plain && unfiltered && f.themes.is_empty() && article).then(|| format!("document/{id}/"))
    } else if let Some(id) = &route.question {
        let known = corpus.kernvragen.iter().any(|q| &q.id == id);
        (plain && unfiltered && f.themes.is_empty() && known).then(|| format!("kernvraag/{id}/"))
    } else if let [theme] = f.themes.as_slice() {
        let known = corpus.themes.iter().any(|t| &t.id == theme);
        (route.view == View::Zoeken && plain && unfiltered && known)
            .then(|| format!("thema/{theme}/"))
    } else {
        None
    };
    let (origin, dir) = app_dir();
    page.map(|page| format!("{origin}{dir}{page}"))
}

/// The `<iframe>` and resize script for the current view, with absolute URLs.
fn snippet(query: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = app_dir().1;
    let src = format!(
        "{origin}{path}?{}",
        if query.is_empty() { "embed=1".to_string() } else { format!("{query}&embed=1") }
    );
    format!(
        "<iframe src=\"{}\" title=\"Verkenner sociaal domein: wat er geschreven is over de decentralisaties\" loading=\"lazy\" style=\"width:100%;height:600px;border:0\"></iframe>\n<script src=\"{origin}{dir}embed.js\" async></script>",
        src.replace('&', "&amp;").replace('"', "&quot;")
    )
}

#[component]
pub fn EmbedDialog() -> impl IntoView {
    let nav = use_nav();
    let dialog = NodeRef::<Dialog>::new();
    let (paste, set_paste_link) = signal(None::<String>);
    let open = move |_: MouseEvent| {
        if let Some(d) = dialog.get() {
            // The code is written when the dialog opens (it is modal, so the route cannot
            // change while it is open), not again on every keystroke in the search box. A
            // read-only textarea shows its text content.
            let mut route = nav.route.get_untracked();
            route.display.embed = false;
            if let Ok(Some(code)) = d.query_selector("textarea") {
                code.set_text_content(Some(&snippet(&route.to_query())));
            }
            set_paste_link.set(paste_link(&route));
            let _ = d.show_modal();
        }
    };
    let close = move |_: MouseEvent| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    view! {
        <p><button type="button" class="embed-button" on:click=open>"Insluiten op uw eigen website"</button></p>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby="insluiten-kop">
            <h2 id="insluiten-kop">"Insluiten"</h2>
            <p>"Zet deze code op uw eigen pagina. De verkenner opent dan met de zoekwoorden, filters en weergave die u nu ziet. "
               "Het script past de hoogte aan de inhoud aan."</p>
            <label for="insluitcode">"Code om in te sluiten"</label>
            <textarea id="insluitcode" readonly rows="6"></textarea>
            {move || paste.get().map(|link| view! {
                <p class="embed-dialog__paste">
                    "In WordPress of Drupal kunt u ook deze link plakken, op een eigen regel:"<br />
                    <code data-paste-link="">{link}</code>
                </p>
            })}
            <p class="embed-dialog__actions">
                <button type="button" on:click=close autofocus>"Sluiten"</button>
            </p>
        </dialog>
    }
}
