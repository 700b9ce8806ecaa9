// Start-up glue of the page, outside the wasm: the service worker (offline use and updates)
// and, in embed mode, the height reports to the host page. The Leptos app shows the status;
// this script only sets data attributes on <html> and dispatches events it listens to.

const root = document.documentElement;
const announce = (name) => window.dispatchEvent(new Event(name));

if ('serviceWorker' in navigator) {
  let accepted = false;
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    const offer = () => { root.dataset.update = 'ready'; announce('verkenner-update'); };
    if (registration.waiting && navigator.serviceWorker.controller) offer();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer();
      });
    });
    navigator.serviceWorker.ready.then(() => { root.dataset.offline = 'ready'; announce('verkenner-offline'); });
    window.addEventListener('verkenner-activate', () => {
      accepted = true;
      registration.waiting?.postMessage('verkenner-skip-waiting');
    });
    // A page left open for long also learns of new builds.
    document.addEventListener('visibilitychange', () => { if (!document.hidden) registration.update().catch(() => {}); });
  }).catch(() => { /* private mode or blocked: the app simply runs online */ });
  navigator.serviceWorker.addEventListener('controllerchange', () => { if (accepted) location.reload(); });
}

// Embed mode: report the content height to the host page whenever it changes, in the message
// formats embed scripts already listen for.
if (new URLSearchParams(location.search).get('embed') === '1' && window.parent !== window) {
  const id = 'verkenner-sociaal-domein';
  let last = 0;
  const report = () => {
    // The box of <html>, not scrollHeight: that never drops below the (already enlarged) frame.
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ 'datawrapper-height': { [id]: height } }, '*');
    window.parent.postMessage({ type: 'embed-size', height }, '*');
    window.parent.postMessage({ type: 'iframe.resize', height, src: location.href }, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener('load', report);
  // A resize script that loads after the first reports asks again.
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && event.data && event.data.type === 'embed-size-request') { last = 0; report(); }
  });
}

// When the app fails (a panic in the wasm, or the wasm cannot start), the page must not sit
// there frozen: say so in Dutch and offer a reload. The panic text is already in the console.
// Drawn here, outside the wasm, because a panicked wasm module runs no more code.
let failed = false;
const showFailure = () => {
  if (failed) return;
  failed = true;
  const box = document.createElement('div');
  box.className = 'failure';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = 'Er ging iets mis in de verkenner. Laad de pagina opnieuw om verder te gaan.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Opnieuw laden';
  button.addEventListener('click', () => location.reload());
  box.append(text, button);
  document.body.prepend(box);
  button.focus();
};
window.addEventListener('verkenner-panic', showFailure);
window.addEventListener('error', (event) => {
  if (event.error instanceof WebAssembly.RuntimeError || event.error instanceof WebAssembly.CompileError) showFailure();
});
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof WebAssembly.RuntimeError || event.reason instanceof WebAssembly.CompileError) showFailure();
});
