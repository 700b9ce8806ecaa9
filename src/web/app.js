// Start-up glue of the page, outside the wasm: the service worker (offline use and updates)
// and, in embed mode, the height reports to the host page. The Leptos app shows the status;
// this script only sets data attributes on <html> and dispatches events it listens to.

const root = document.documentElement;
const announce = (name) => window.dispatchEvent(new Event(name));

// A page without an origin of its own (a sandboxed iframe, as content systems embed) may not
// touch navigator.serviceWorker at all: even reading it throws. There, and in private mode,
// the app simply runs online.
let workers = null;
try { workers = self.origin === 'null' ? null : navigator.serviceWorker ?? null; } catch { workers = null; }
if (workers) {
  let accepted = false;
  workers.register('./sw.js').then((registration) => {
    const offer = () => { root.dataset.update = 'ready'; announce('verkenner-update'); };
    if (registration.waiting && workers.controller) offer();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && workers.controller) offer();
      });
    });
    workers.ready.then(() => {
      root.dataset.offline = 'ready';
      announce('verkenner-offline');
      // The municipality's look is loaded only when asked for, so it is not in the worker's
      // list: ask for it again now that the worker answers, which keeps it for offline use.
      const sheet = document.querySelector('link[data-huisstijl]');
      if (sheet) fetch(sheet.href).catch(() => {});
    });
    window.addEventListener('verkenner-activate', () => {
      accepted = true;
      registration.waiting?.postMessage('verkenner-skip-waiting');
    });
    // A page left open for long also learns of new builds.
    document.addEventListener('visibilitychange', () => { if (!document.hidden) registration.update().catch(() => {}); });
  }).catch(() => { /* private mode or blocked: the app simply runs online */ });
  workers.addEventListener('controllerchange', () => { if (accepted) location.reload(); });
}

// Embed mode: report the content height to the host page whenever it changes, in the message
// formats embed scripts already listen for, WordPress's among them.
if (new URLSearchParams(location.search).get('embed') === '1' && window.parent !== window) {
  const id = 'verkenner-sociaal-domein';
  // WordPress adds `#?secret=<10 letters or digits>` to the address of every iframe it embeds
  // by oEmbed; its wp-embed script only believes messages that carry that secret. Read once
  // (the app's own navigation may drop the fragment), and again if it comes later.
  let secret = null;
  const readSecret = () => {
    const found = /[#&?]secret=([A-Za-z0-9]{10})(?![A-Za-z0-9])/.exec(location.hash);
    if (found) secret = found[1];
  };
  readSecret();
  // -1: the first report goes out whatever the height. WordPress keeps its frame clipped out
  // of sight until a message with the secret arrives, and a browser does not render a frame
  // nobody can see (no frames, no resize observations): so tell it at once, before there is
  // anything to measure, and the real height follows as soon as the app has drawn.
  let last = -1;
  const report = () => {
    // The box of <html>, not scrollHeight: that never drops below the (already enlarged) frame.
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ 'datawrapper-height': { [id]: height } }, '*');
    window.parent.postMessage({ type: 'embed-size', height }, '*');
    window.parent.postMessage({ type: 'iframe.resize', height, src: location.href }, '*');
    if (secret) window.parent.postMessage({ message: 'height', value: height, secret }, '*');
  };
  report();
  new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener('load', report);
  window.addEventListener('hashchange', () => { if (!secret) { readSecret(); last = -1; report(); } });
  // A resize script that loads after the first reports asks again: ours, or WordPress's
  // wp-embed with {message: 'ready', secret}.
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window.parent || !data) return;
    if (data.type === 'embed-size-request') { last = -1; report(); }
    if (data.message === 'ready' && secret && data.secret === secret) { last = -1; report(); }
  });
  // A link that leaves the frame ("Open volledig"). WordPress's sandbox allows no new windows
  // and no navigation of the host page; its wp-embed script opens such links itself when the
  // frame asks with {message: 'link', value: URL, secret} (only for addresses on the app's own
  // host, and only while the frame has focus, as after the click that asked).
  document.addEventListener('click', (event) => {
    if (!secret || event.defaultPrevented || event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href][target="_blank"], a[href][target="_top"]') : null;
    if (!link) return;
    event.preventDefault();
    window.parent.postMessage({ message: 'link', value: link.href, secret }, '*');
  }, true);
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
