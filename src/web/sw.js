// Service worker of Verkenner sociaal domein: the app works offline after one visit.
//
// `postbuild.mjs` fills in BUILD (a hash of every built file) and FILES (every file of the
// build) after Trunk has built the app. Each build has a cache of its own, installed whole
// before it may take over; it takes over only when the reader chooses ("vernieuwen") or when
// no page of the old build is open any more. An old page never gets new files, nor the reverse:
// every request is answered from the cache of the worker that controls the page.

const BUILD = '__VERKENNER_BUILD__';
const FILES = __VERKENNER_FILES__;
const CACHE = `verkenner-${BUILD}`;
// Files whose names carry a hash of their content (Trunk's `name-<16 hex>`): whatever copy the
// browser's HTTP cache holds is the right one, so the page's own first download is reused
// instead of fetched again. Every other file is revalidated with the server ('no-cache'), so
// a new build never precaches an old index.html.
const HASHED = /-[0-9a-f]{16}(_bg\.wasm|\.js|\.css)$/;
// The municipal token themes (huisstijl-<name>-<hash>.css), cached when first used.
const ON_DEMAND = /\/huisstijl-[a-z0-9-]+-[0-9a-f]{16}\.css$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'no-cache' })))),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'verkenner-skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('verkenner-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // Only the app's own page is answered from the cache: the pages for content systems under
  // thema/, kernvraag/ and document/ are small pages of their own, left to the network.
  const scope = new URL(self.registration.scope).pathname;
  if (request.mode === 'navigate' && url.pathname !== scope && url.pathname !== `${scope}index.html`) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Every view is index.html with a query string: navigations get the cached page.
    const key = request.mode === 'navigate' ? new URL('./', self.registration.scope).href : request;
    const cached = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    const response = await fetch(request);
    // A municipality's look is not precached (a first visit without one should not pay for
    // every one): it joins this build's cache the first time a page asks for it.
    if (ON_DEMAND.test(new URL(request.url).pathname) && response.ok) await cache.put(request, response.clone());
    return response;
  })());
});
