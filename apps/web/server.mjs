// `pnpm start`: the production build of the app, as `next start` serves it, with one
// difference: the sync doors (push and pull, the requests a phone makes all day) are
// answered straight from Node's http server by the handler that src/server/boot.ts
// installs (src/server/sync-door.ts), before Next.js routes them; so are customers' statement
// pages (/s/<token>, read by many viewers at once). Everything else —
// pages, the dashboard's API, auth, `sync.live` — is Next.js's, as before.
// And `/app`, the phone app's web export (serve-app.mjs), is served as files, beside Next.js.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppHandler } from './serve-app.mjs';

// What `next start` does: production unless NODE_ENV says otherwise.
process.env.NODE_ENV ||= 'production';
const { default: next } = await import('next');

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Like `next start`: every interface unless -H says otherwise (not $HOSTNAME, which containers set to their name).
const hostname = values.hostname;

const app = next({ dev: false, dir: fileURLToPath(new URL('.', import.meta.url)), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// The phone app's web export at /app (serve-app.mjs); STORESYNC_APP_DIR serves another build of it.
const serveApp = createAppHandler(
  process.env.STORESYNC_APP_DIR || fileURLToPath(new URL('./dist-app', import.meta.url)),
);

const server = createServer((req, res) => {
  // The peer's address, for the limits keyed by address (X-Forwarded-For is trusted only behind
  // configured proxies); whatever a client sent under this name is overwritten.
  req.headers['x-storesync-peer'] = req.socket.remoteAddress ?? '';
  if (serveApp(req, res)) return;
  if (globalThis.storesyncSyncDoor?.(req, res)) return;
  // As `next start` does with a request its handler throws on: a 500, logged, and the server goes on.
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end('Internal Server Error');
  });
});
server.listen(port, hostname, () => {
  console.log(`✓ Ready on http://${hostname ?? 'localhost'}:${port}`);
});

// src/instrumentation.ts installs the door once the database is open and LISTEN is up; until
// then (or if it never does) Next.js answers the sync doors too, as it does every other request.
const waiting = setInterval(() => {
  if (!globalThis.storesyncSyncDoor) return;
  clearInterval(waiting);
  console.log("✓ Sync doors (push, pull) on Node's http server");
}, 50);
waiting.unref();
