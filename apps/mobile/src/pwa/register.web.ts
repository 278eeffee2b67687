import { colors } from '../ui/theme';

/**
 * The service worker of the export the server serves at `/app` (pwa/build.ts sets
 * EXPO_PUBLIC_STORESYNC_PWA to that path): it precaches the app so the page opens with no
 * network. Other web builds (`pnpm mobile`, the e2e export at `/`) have none and register nothing.
 *
 * A new version installs in the background and takes over at once (skipWaiting, clientsClaim):
 * the next open runs it. The page that is open says so and offers a reload. Nothing unsynced is
 * at risk either way: the book and its outbox live in OPFS, not in the worker's caches.
 */
const base = process.env.EXPO_PUBLIC_STORESYNC_PWA;

if (base && typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  const hadController = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install also takes control of the page; only a replaced version is news.
    if (hadController) showUpdated();
  });
  const register = () => {
    navigator.serviceWorker
      .register(`${base}/sw.js`, { scope: `${base}/` })
      .then((registration) => {
        // An installed app may stay open for days: look for a new version when it comes back.
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') registration.update().catch(() => {});
        });
      })
      .catch((error: unknown) => console.warn('StoreSync: service worker not registered', error));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** A plain DOM notice (the worker knows nothing of the React tree): new version, reload to use it. */
function showUpdated() {
  if (document.getElementById('storesync-updated')) return;
  const bar = document.createElement('div');
  bar.id = 'storesync-updated';
  bar.setAttribute('role', 'status');
  bar.setAttribute('data-testid', 'app-updated');
  Object.assign(bar.style, {
    position: 'fixed',
    left: '12px',
    right: '12px',
    bottom: '12px',
    zIndex: '1000',
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    padding: '12px 16px',
    borderRadius: '10px',
    background: colors.text,
    color: colors.surface,
    font: '15px system-ui, sans-serif',
  });
  const text = document.createElement('span');
  text.textContent = 'StoreSync was updated. Reload to use the new version; nothing you recorded is lost.';
  text.style.flex = '1';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload';
  Object.assign(reload.style, {
    border: '0',
    borderRadius: '8px',
    padding: '8px 14px',
    background: colors.accent,
    color: colors.surface,
    font: 'inherit',
    fontWeight: '600',
  });
  reload.addEventListener('click', () => window.location.reload());
  bar.append(text, reload);
  document.body.append(bar);
}
