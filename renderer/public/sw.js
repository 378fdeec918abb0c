// Service worker for browser mode: keeps the app shell in the cache so the register opens and works with no
// network at all (a reload or a new browser start while offline). Network first, so an online user always gets the
// newest build; the cache answers only when the network does not. Electron serves files locally and does not use it.
const CACHE = 'open-village-shell-v1';

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch('./index.html', { cache: 'no-store' });
  const html = await response.clone().text();
  await cache.put('./index.html', response.clone());
  await cache.put('./', response);
  // The hashed script and style files the page links to.
  const assets = [...html.matchAll(/(?:src|href)="(\.\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          void caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(async () => {
        // ignoreVary: module scripts are requested with an Origin header, the cached copy was fetched without one.
        const cached = await caches.match(request, { ignoreSearch: true, ignoreVary: true });
        if (cached) return cached;
        if (request.mode === 'navigate') return (await caches.match('./index.html')) ?? Response.error();
        return Response.error();
      }),
  );
});
