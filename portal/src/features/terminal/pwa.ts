/**
 * The terminal is an installable web app: the manifest (`/manifest.webmanifest`, linked from the
 * page) and a service worker (`/sw.js`) that keeps the app's shell and assets so the terminal opens
 * without network. The worker never touches `/api/`: purchases taken offline wait in the outbox
 * (IndexedDB), not in a cache. Registered when a terminal is opened, so the other pages of the
 * portal behave as before on devices that never opened one.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .catch((error: unknown) => console.warn('Bloom: the service worker was not installed', error));
}

const LAST_PARTNER = 'bloom.terminal.partner';

/** The partner whose terminal this device opened last (the installed app's start page opens it). */
export function lastTerminal(): string | null {
  try {
    return window.localStorage.getItem(LAST_PARTNER);
  } catch {
    return null;
  }
}

export function rememberTerminal(partner: string): void {
  try {
    window.localStorage.setItem(LAST_PARTNER, partner);
  } catch {
    // Not remembered: the start page then asks for the partner.
  }
}
