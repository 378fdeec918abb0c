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
  // The hashed script and style files the page links to, and the code it loads only on demand (the PDF viewer,
  // its worker and decoders, the report exporter): listed in precache.json by the build (vite.config.ts), so a
  // PDF attached with no network can be opened with no network.
  const linked = [...html.matchAll(/(?:src|href)="(\.\/assets\/[^"]+)"/g)].map((m) => m[1]);
  const listed = await fetch('./precache.json', { cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : []))
    .then((files) => (Array.isArray(files) ? files.map((f) => `./${f}`) : []))
    .catch(() => []);
  await cache.addAll([...new Set([...linked, ...listed])]);
  await cache.put('./precache.json', new Response(JSON.stringify(listed.map((f) => f.slice(2)))));
}

// The cache name stays the same across builds, so each build's hashed files would pile up: on activation, files
// under assets/ and pdfjs/ that the new build does not list are dropped.
async function dropOldBuilds() {
  const cache = await caches.open(CACHE);
  const listed = await cache.match('./precache.json');
  if (!listed) return;
  const files = await listed.json();
  const keep = new Set(files.map((f) => new URL(f, self.registration.scope).href));
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (/\/(?:assets|pdfjs)\//.test(path) && !keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(dropOldBuilds)
      .then(() => self.clients.claim()),
  );
});

// Only the app shell is ever cached: the council may serve CouchDB on this same origin (a reverse proxy path), and its
// answers (a session, records, an appeal's attached scans) are personal data that must not land in Cache Storage,
// which nothing ever clears. Every other request goes to the network untouched, as if there were no service worker.
function isShell(url) {
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return false;
  const rest = url.pathname.slice(scope.pathname.length);
  return rest === '' || rest === 'index.html' || rest === 'precache.json' || /^(?:assets|pdfjs)\/[^/]+$/.test(rest);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const shell = isShell(url);
  // A navigation to any page of the app's scope still gets the shell when offline; it is cached only if it is the shell.
  const navigation = request.mode === 'navigate' && url.origin === self.location.origin;
  if (!shell && !navigation) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && shell) {
          const copy = response.clone();
          void caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(async () => {
        // ignoreVary: module scripts are requested with an Origin header, the cached copy was fetched without one.
        const cached = shell ? await caches.match(request, { ignoreSearch: true, ignoreVary: true }) : undefined;
        if (cached) return cached;
        if (request.mode === 'navigate') return (await caches.match('./index.html')) ?? Response.error();
        return Response.error();
      }),
  );
});
