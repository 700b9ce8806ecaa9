//! "Insluiten": a copy-ready snippet to embed the current view in another site.

use leptos::ev::MouseEvent;
use leptos::html::Dialog;
use leptos::prelude::*;

use super::use_nav;

/// The `<iframe>` and resize script for the current view, with absolute URLs.
fn snippet(query: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
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
            <p class="embed-dialog__actions">
                <button type="button" on:click=close autofocus>"Sluiten"</button>
            </p>
        </dialog>
    }
}
