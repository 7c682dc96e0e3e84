// Bloom's service worker (ADR 0043): keeps the portal's shell — the page and Vite's hashed
// assets — so the cashier's terminal opens without network. It never touches the API
// (`/api/`): answers with personal data are never cached, and purchases taken offline wait in
// the terminal's outbox (IndexedDB) with their Idempotency-Keys, not here. Served by Liberty
// with `Cache-Control: no-cache`, so a new release is picked up at the next start.
const SHELL = 'bloom-shell-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const page = await fetch('/', { cache: 'no-cache' });
      if (page.ok) {
        const html = await page.clone().text();
        await cache.put('/', page);
        const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
        await cache.addAll([...new Set(assets)]);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== SHELL) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // The network first (sign-in redirects, new releases); the kept page when there is none.
    event.respondWith(
      (async () => {
        try {
          const fresh = await fetch(request);
          if (fresh.ok && url.pathname === '/' && url.search === '') {
            const cache = await caches.open(SHELL);
            await cache.put('/', fresh.clone());
          }
          return fresh;
        } catch (error) {
          const kept = await caches.match('/');
          if (kept) return kept;
          throw error;
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Named by their content hash: a kept copy is always right.
    event.respondWith(
      (async () => {
        const kept = await caches.match(request);
        if (kept) return kept;
        const fresh = await fetch(request);
        if (fresh.ok) {
          const cache = await caches.open(SHELL);
          await cache.put(request, fresh.clone());
        }
        return fresh;
      })(),
    );
  }
});
