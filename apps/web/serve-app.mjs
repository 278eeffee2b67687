// The phone app's web export at `/app` (built by `pnpm --filter @storesync/mobile export:pwa` into
// dist-app/): the same offline-first app as the phone, served from the API's own origin. Answered
// from Node's http server, not from Next.js's public/: each file's caching is ours (hashed files
// immutable, the worker and the page revalidated), client routes fall back to the page, the
// precompressed copies are used, and `next build` never copies or scans the export.
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const PREFIX = '/app';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
};

// What the app needs and no more: its own scripts and WebAssembly (wa-sqlite), its worker (a blob
// URL only when cross-origin isolated), the API on this origin, react-native-web's inline styles.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Content-hashed names never change: cached for good. Everything else (index.html, sw.js, the
// manifest, icons) is revalidated on every load, so a new version is seen at the next open.
const IMMUTABLE = /^\/app\/(_expo\/static\/|assets\/|workbox-[0-9a-f]+\.js$)/;

/** A request handler for `/app` and below that returns false for every other path. */
export function createAppHandler(dir) {
  const root = resolve(dir);
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    if (url.pathname === PREFIX) {
      res.writeHead(308, { location: `${PREFIX}/${url.search}` }).end();
      return true;
    }
    let path;
    try {
      path = decodeURIComponent(url.pathname.slice(PREFIX.length + 1));
    } catch {
      res.writeHead(400).end();
      return true;
    }
    const file = resolve(root, path);
    if (path.includes('\0') || (file !== root && !file.startsWith(root + sep))) {
      res.writeHead(404).end();
      return true;
    }
    if (isFile(file)) return send(req, res, file, IMMUTABLE.test(url.pathname));
    // Expo Router routes on the client: a route (no file extension) is the app's page.
    if (!extname(path) && isFile(join(root, 'index.html')))
      return send(req, res, join(root, 'index.html'), false);
    res
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' })
      .end(
        isFile(join(root, 'index.html'))
          ? 'Not found'
          : 'The shop app is not built here: pnpm build (or pnpm --filter @storesync/mobile export:pwa)',
      );
    return true;
  };
}

function send(req, res, file, immutable) {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const accepts = String(req.headers['accept-encoding'] ?? '');
  // pwa/build.ts writes .br and .gz beside every text file and the .wasm.
  const encoding = [
    ['br', '.br'],
    ['gzip', '.gz'],
  ].find(([name, ext]) => new RegExp(`\\b${name}\\b`).test(accepts) && isFile(file + ext));
  const served = encoding ? file + encoding[1] : file;
  const { size, mtimeMs } = statSync(served);
  const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${encoding ? `-${encoding[0]}` : ''}"`;
  const headers = {
    'content-type': type,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    vary: 'Accept-Encoding',
    // As every other answer of the server (src/server/security-headers.ts, which Node cannot import here).
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    ...(type.startsWith('text/html') && { 'content-security-policy': CSP }),
    ...(encoding && { 'content-encoding': encoding[0] }),
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return true;
  }
  res.writeHead(200, { ...headers, 'content-length': size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(served).pipe(res);
  return true;
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
