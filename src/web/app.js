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
