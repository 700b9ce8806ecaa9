//! The app's own state as a reader should know it: which build runs, whether it works offline,
//! and that a new version is ready. The service worker glue (src/web/app.js) sets data
//! attributes on `<html>` and dispatches events; these components show them.

use leptos::prelude::*;

fn root_has(attribute: &str) -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.get_attribute(attribute).as_deref() == Some("ready"))
}

/// The build id written into index.html after the build.
fn build_id() -> Option<String> {
    let meta = document().query_selector("meta[name=verkenner-build]").ok()??;
    meta.get_attribute("content").filter(|id| id.len() <= 64)
}

#[component]
pub fn AppStatus() -> impl IntoView {
    let offline = RwSignal::new(root_has("data-offline"));
    let listener = window_event_listener_untyped("verkenner-offline", move |_| offline.set(true));
    on_cleanup(move || listener.remove());
    let build = build_id();
    view! {
        <p class="app-status">
            {move || offline.get().then(|| view! { <span class="app-status__offline" data-offline="">"Deze verkenner werkt nu ook zonder internet."</span>" " })}
            {build.clone().map(|id| {
                let label = format!("Versie {id}");
                view! { <span data-build=id>{label}</span> }
            })}
        </p>
    }
}

/// "Nieuwe versie beschikbaar — vernieuwen": the new build takes over only when the reader
/// chooses it.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(root_has("data-update"));
    let listener = window_event_listener_untyped("verkenner-update", move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    let activate = move |_| {
        if let Ok(event) = web_sys::Event::new("verkenner-activate") {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <div class="update-banner" role="status" aria-live="polite">
            {move || ready.get().then(|| view! {
                <p data-update-ready="">
                    "Nieuwe versie beschikbaar \u{2014} "
                    <button type="button" class="update-banner__button" on:click=activate>"vernieuwen"</button>
                </p>
            })}
        </div>
    }
}
