//! The web app's entry point: mounts the UI (wasm only).

#[cfg(target_arch = "wasm32")]
fn main() {
    verkenner::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "verkenner-app is the web app: build it with `make dist` or serve it with `make serve`."
    );
    std::process::exit(2);
}
