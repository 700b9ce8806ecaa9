//! The web app (wasm only): thin Leptos components over the core.
//!
//! State lives in the URL: the [`Route`] signal is read from the query string at start-up and
//! on Back/Forward (`popstate`), written with `pushState` when the reader follows a link, and
//! with `replaceState` once typing pauses.
//! Links are real `<a href="?...">` elements, so middle-click and "open in new tab" work; a
//! plain click is handled here without reloading the page.

mod documents;
mod embed;
mod glossary;
mod hits;
mod home;
mod overview;
mod parts;
mod reader;
mod search;
mod sides;
mod signposts;
mod statement;
mod status;
mod words;

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::{Route, View};

/// Mounts the app on `<body>`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        // The panic text goes to the console; the page (src/web/app.js) shows a short Dutch
        // message with a reload button, drawn outside the wasm, which stops after a panic.
        console_error_panic_hook::hook(info);
        if let Ok(event) = web_sys::Event::new("verkenner-panic") {
            let _ = window().dispatch_event(&event);
        }
    }));
    // The introduction index.html shows while the app loads (and without JavaScript): the app
    // shows its own, with the search box, from here on.
    if let Some(start) = document().get_element_by_id("start") {
        start.remove();
    }
    // Back and Forward return to where the reader was on the page ([`Nav::push`] keeps it with
    // each entry): the browser's own restoring runs before the view is there again.
    if let Ok(history) = window().history() {
        let _ = js_sys::Reflect::set(&history, &"scrollRestoration".into(), &"manual".into());
    }
    mount_to_body(App);
}

/// Navigation: the current route and the way to change it.
#[derive(Clone, Copy)]
pub struct Nav {
    pub route: RwSignal<Route>,
    /// Counts navigations made in the app (not the first load), so views know when to move
    /// focus to the new content.
    pub moves: RwSignal<u32>,
}

thread_local! {
    /// When the address of a [`Nav::replace`] is due (`Date.now()`, ms), while it waits for
    /// typing to pause.
    static DUE: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
    /// The timer that writes it: one per pause rather than one per keystroke (setting and
    /// clearing a timer and its closure on every keystroke showed up in the keystroke's
    /// profile; README, Performance).
    static TIMER: std::cell::Cell<Option<TimeoutHandle>> = const { std::cell::Cell::new(None) };
}

/// How long typing must pause before the address follows the query. Writing the address
/// (`history.replaceState`) on every keystroke cost the browser more than searching and
/// drawing the results (README, Performance); search pages wait like this too (InstantSearch
/// waits 400 ms).
const ADDRESS_DELAY: std::time::Duration = std::time::Duration::from_millis(400);

impl Nav {
    /// The `href` of a route: a relative query string, or the page's own path for the start
    /// view, so the app works under any path of any host.
    pub fn href(&self, route: &Route) -> String {
        let route = self.keep_display(route.clone());
        let query = route.to_query();
        if query.is_empty() {
            window().location().pathname().unwrap_or_else(|_| "./".into())
        } else {
            format!("?{query}")
        }
    }

    /// Embed mode, accent and colour scheme stay as they are while the reader moves around.
    fn keep_display(&self, mut route: Route) -> Route {
        route.display = self.route.with_untracked(|r| r.display.clone());
        route
    }

    /// Shows `route` and adds it to the history.
    pub fn push(&self, route: Route) {
        // The entry being left keeps what was typed last, so Back returns to it, and where
        // the reader was on the page.
        cancel_pending();
        self.write_address();
        let route = self.keep_display(route);
        let href = self.href(&route);
        if let Ok(history) = window().history() {
            // A failing pushState (for example a sandboxed iframe) still shows the view.
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&href));
        }
        self.moves.update(|n| *n += 1);
        self.route.set(route);
    }

    /// Shows `route` in place of the current history entry (typing a query). The address
    /// follows once typing pauses for [`ADDRESS_DELAY`], or at once when the reader moves on
    /// ([`Nav::push`]).
    pub fn replace(&self, route: Route) {
        let route = self.keep_display(route);
        self.route.set(route);
        let delay = ADDRESS_DELAY.as_millis() as f64;
        DUE.set(Some(js_sys::Date::now() + delay));
        if TIMER.with(|t| t.get().is_none()) {
            self.write_when_due(delay);
        }
    }

    /// Writes the address once it is due: in `wait` ms, or later if typing went on.
    fn write_when_due(&self, wait: f64) {
        let nav = *self;
        let check = move || {
            TIMER.set(None);
            let Some(due) = DUE.get() else { return };
            let now = js_sys::Date::now();
            if now < due {
                nav.write_when_due(due - now);
            } else {
                DUE.set(None);
                nav.write_address();
            }
        };
        match set_timeout_with_handle(check, std::time::Duration::from_millis(wait.max(0.0) as u64))
        {
            Ok(handle) => TIMER.set(Some(handle)),
            Err(_) => {
                DUE.set(None);
                self.write_address();
            }
        }
    }

    /// Writes the current route into the current history entry, with the page's scroll
    /// position as the entry's state (read back on Back and Forward, see [`restore_scroll`]).
    fn write_address(&self) {
        let href = self.route.with_untracked(|route| self.href(route));
        let scroll = JsValue::from_f64(window().scroll_y().unwrap_or(0.0));
        if let Ok(history) = window().history() {
            // A failing replaceState (for example a sandboxed iframe) still shows the view.
            let _ = history.replace_state_with_url(&scroll, "", Some(&href));
        }
    }

    /// Handles a click on an internal link: plain left clicks navigate in place; clicks with
    /// a modifier or another button are left to the browser (new tab, new window).
    pub fn follow(&self, ev: &MouseEvent, route: Route) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        ev.prevent_default();
        self.push(route);
    }
}

/// Drops a waiting address; true if one waited.
fn cancel_pending() -> bool {
    if let Some(timer) = TIMER.take() {
        timer.clear();
    }
    DUE.take().is_some()
}

pub fn use_nav() -> Nav {
    use_context::<Nav>().expect("Nav is provided by App")
}

fn current_route() -> Route {
    Route::from_query(&window().location().search().unwrap_or_default())
}

#[component]
fn App() -> impl IntoView {
    let nav = Nav { route: RwSignal::new(current_route()), moves: RwSignal::new(0) };
    provide_context(nav);
    let listener = window_event_listener(leptos::ev::popstate, move |ev| {
        // Back or Forward moved to another entry: the one left keeps its address as written.
        cancel_pending();
        nav.moves.update(|n| *n += 1);
        nav.route.set(current_route());
        restore_scroll(ev.state().as_f64());
    });
    on_cleanup(move || listener.remove());

    // Views are rebuilt only when the view or the open document changes, not on every
    // keystroke: the search box keeps its focus while results update.
    let shown = Memo::new(move |_| nav.route.with(|r| (r.view, r.doc.clone())));
    let view = move || match shown.get() {
        (View::Zoeken, _) => search::SearchView().into_any(),
        (View::Teksten, _) => documents::DocumentList().into_any(),
        (View::Lezen, Some(id)) => match crate::corpus().document(&id) {
            Some((idx, _)) => view! { <reader::Reader doc=idx /> }.into_any(),
            None => view! { <NotFound id=id /> }.into_any(),
        },
        (View::Lezen, None) => search::SearchView().into_any(),
        (View::Begrippen, _) => glossary::GlossaryView().into_any(),
        (View::Overzicht, _) => overview::OverviewView().into_any(),
        (View::NaastElkaar, _) => sides::SideBySideView().into_any(),
        (View::Toegankelijkheid, _) => statement::AccessibilityStatement().into_any(),
        (View::Woorden, _) => words::WordsView().into_any(),
    };
    let current = move |v: View| move || (shown.get().0 == v).then_some("page");
    let embed = nav.route.with_untracked(|r| r.display.embed);
    apply_display(&nav.route.get_untracked().display);

    // Moving between views keeps the search and the filters (the glossary's box holds its
    // own words, so they are not carried into or out of it).
    let nav_target = move |v: View| {
        nav.route.with(|r| {
            let mut to = Route::view(v);
            to.filters = r.filters.clone();
            to.grouping = r.grouping;
            if v != View::Begrippen && r.view != View::Begrippen {
                to.query = r.query.clone();
            }
            to
        })
    };
    let nav_links = move || {
        [
            (View::Zoeken, "Zoeken"),
            (View::NaastElkaar, "Naast elkaar"),
            (View::Teksten, "Teksten"),
            (View::Woorden, "Woorden"),
            (View::Begrippen, "Begrippen"),
            (View::Overzicht, "Overzicht"),
        ]
        .into_iter()
        .map(|(v, label)| {
            view! {
                <li><a href=move || nav.href(&nav_target(v)) aria-current=current(v)
                    on:click=move |ev: MouseEvent| nav.follow(&ev, nav_target(v))>{label}</a></li>
            }
        })
        .collect_view()
    };
    let header = if embed {
        // Embedded: a compact header, and a way out to the full app in a new tab.
        let full = move || {
            let mut route = nav.route.get();
            route.display.embed = false;
            let query = route.to_query();
            let location = window().location();
            let path = location.pathname().unwrap_or_default();
            format!(
                "{}{path}{}",
                location.origin().unwrap_or_default(),
                if query.is_empty() { String::new() } else { format!("?{query}") }
            )
        };
        view! {
            <header class="site-header site-header--embed">
                <div class="site-header__inner">
                    <span class="site-title__name">"Verkenner sociaal domein"</span>
                    <a class="site-header__full" href=full target="_blank" rel="noopener">"Open volledig"</a>
                </div>
                <nav class="site-nav" aria-label="Onderdelen"><ul>{nav_links()}</ul></nav>
            </header>
        }
        .into_any()
    } else {
        view! {
            <header class="site-header">
                <div class="site-header__inner">
                    <Link to=Route::home() class="site-title">
                        <span class="site-title__name">"Verkenner sociaal domein"</span>
                    </Link>
                    <p class="site-header__tagline">
                        "Teksten over jeugdhulp, zorg en werk, nu de gemeente die regelt"
                    </p>
                </div>
                <nav class="site-nav" aria-label="Onderdelen"><ul>{nav_links()}</ul></nav>
            </header>
        }
        .into_any()
    };

    view! {
        <a class="skip-link" href="#inhoud">"Naar de inhoud"</a>
        <status::UpdateBanner />
        {header}
        <main id="inhoud" tabindex="-1">{view}</main>
        {(!embed).then(|| view! {
            <footer class="site-footer">
                <p>
                    "De teksten komen uit nieuwsberichten, een opiniestuk, een persbericht en reacties van lezers. "
                    "Wij hebben de teksten niet veranderd. "
                    "Wij hebben wel zelf gekozen of een stuk tekst optimistisch, kritisch of gemengd is."
                </p>
                <p><Link to=Route::view(View::Toegankelijkheid)>"Toegankelijkheid"</Link></p>
                <embed::EmbedDialog />
            </footer>
        })}
    }
}

/// Applies the accent colour and forced colour scheme of the URL to the page.
fn apply_display(display: &crate::state::Display) {
    let Some(root) = document().document_element() else { return };
    if let Some(accent) = &display.accent {
        if let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root.clone()) {
            // Validated as six hex digits when the URL was read.
            let _ = root.style().set_property("--verkenner-color-accent", &format!("#{accent}"));
        }
    }
    let scheme = match display.scheme {
        Some(crate::state::Scheme::Licht) => Some("light"),
        Some(crate::state::Scheme::Donker) => Some("dark"),
        None => None,
    };
    if let Some(scheme) = scheme {
        let _ = root.set_attribute("data-color-scheme", scheme);
    }
    if display.embed {
        let _ = root.set_attribute("data-embed", "");
    }
}

/// A link to a route inside the app.
#[component]
pub fn Link(
    to: Route,
    children: Children,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView {
    let nav = use_nav();
    let href = nav.href(&to);
    view! {
        <a href=href class=class on:click=move |ev: MouseEvent| nav.follow(&ev, to.clone())>
            {children()}
        </a>
    }
}

#[component]
fn NotFound(id: String) -> impl IntoView {
    set_title("Niet gevonden");
    view! {
        <section data-view="not-found" class="not-found">
            <h1 tabindex="-1">"Dit document bestaat niet"</h1>
            <p>"Er is geen document met de naam \u{201c}" {id} "\u{201d}. Misschien is de link niet compleet."</p>
            <p><Link to=Route::view(View::Teksten)>"Naar alle documenten"</Link></p>
        </section>
    }
}

/// Sets the page title: the view's own title, then the app's name.
pub fn set_title(title: &str) {
    let full = if title.is_empty() {
        "Verkenner sociaal domein".to_string()
    } else {
        format!("{title} \u{2014} Verkenner sociaal domein")
    };
    document().set_title(&full);
}

/// Whether the page may render its heavier parts yet. On the first load it turns true only
/// after the first paint: the header and search box appear (and can be typed in) one task
/// sooner, and the start-up work is split in two shorter tasks; later ones warm up the engine
/// and the list's updates. After an in-app navigation it is true at once.
pub fn after_first_paint() -> ReadSignal<bool> {
    let nav = use_nav();
    let (painted, set_painted) = signal(nav.moves.get_untracked() > 0);
    if !painted.get_untracked() {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    set_painted.set(true);
                    // Then the engine answers one query nobody sees, so that the browser
                    // compiles that code and the hits' texts are analysed now, not on the
                    // reader's first keystroke; and a copy of the list takes a few
                    // keystrokes ([`search::warm_up`]).
                    set_timeout(
                        || {
                            drop(crate::engine().search(
                                "e",
                                &crate::search::Filters::default(),
                                10,
                            ));
                            search::warm_up();
                        },
                        std::time::Duration::from_millis(50),
                    );
                },
                std::time::Duration::ZERO,
            )
        });
    }
    painted
}

/// After Back or Forward, scrolls to where the reader was on that page, once the view is
/// drawn again: after the frame in which views move focus to their heading (and scroll to the
/// top), see [`focus_after_move`].
fn restore_scroll(y: Option<f64>) {
    let Some(y) = y.filter(|y| y.is_finite() && *y > 0.0) else { return };
    request_animation_frame(move || {
        set_timeout(move || window().scroll_to_with_x_and_y(0.0, y), std::time::Duration::ZERO)
    });
}

/// A signal notified in the task after the frame that follows each change of what `source`
/// tracks. What can wait a frame follows it instead of the change itself, so that the
/// change's own frame has less to build, lay out and paint.
fn after_next_frame(source: impl Fn() + 'static) -> RwSignal<u32> {
    let later = RwSignal::new(0u32);
    Effect::new(move |_| {
        source();
        request_animation_frame(move || {
            set_timeout(move || later.update(|n| *n += 1), std::time::Duration::ZERO)
        });
    });
    later
}

/// After an in-app navigation, moves focus to the new view's heading so screen reader and
/// keyboard users continue there; on the first load the browser's own focus is kept.
pub fn focus_after_move(selector: &'static str) {
    let nav = use_nav();
    if nav.moves.get_untracked() == 0 {
        return;
    }
    request_animation_frame(move || {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        if let Ok(Some(el)) = document().query_selector(selector) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}
