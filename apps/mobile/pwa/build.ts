/// <reference types="node" />
/**
 * `pnpm export:pwa`: the phone app's web export as the server serves it at `/app` — an installable,
 * offline-first web app (the seed's "web app with offline storage and the same outbox and pull
 * logic"). Writes into apps/web/dist-app (or the folder given as the first argument), which
 * apps/web/serve-app.mjs serves. Steps: `expo export --platform web` under the `/app` base URL and
 * talking to its own origin; the web manifest and its icons; a Workbox service worker that
 * precaches every file of the export, so the page opens with no network.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { generateSW, type ManifestEntry } from 'workbox-build';
import { colors } from '../src/ui/theme.ts';

const BASE = '/app';
const APP = resolve(import.meta.dirname, '..');
const OUT = resolve(process.argv[2] ?? join(APP, '../web/dist-app'));

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

async function main() {
  const started = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  // --clear: Metro's transform cache is shared by every export on the machine, and the inlined
  // EXPO_PUBLIC_* values of another build (the e2e tests' server address) must not leak in.
  execFileSync('pnpm', ['exec', 'expo', 'export', '--platform', 'web', '--clear', '--output-dir', OUT], {
    cwd: APP,
    stdio: 'inherit',
    env: {
      ...process.env,
      CI: '1',
      STORESYNC_WEB_BASE_URL: BASE, // app.config.ts: experiments.baseUrl
      EXPO_PUBLIC_STORESYNC_URL: 'same-origin', // src/config.ts: the page's own origin
      EXPO_PUBLIC_STORESYNC_PWA: BASE, // src/pwa/register.web.ts: register `${BASE}/sw.js`
    },
  });

  mkdirSync(join(OUT, 'icons'));
  for (const size of [192, 512]) {
    copyFileSync(join(import.meta.dirname, `icons/icon-${size}.png`), join(OUT, `icons/icon-${size}.png`));
  }
  writeFileSync(
    join(OUT, 'manifest.webmanifest'),
    `${JSON.stringify(
      {
        name: 'StoreSync',
        short_name: 'StoreSync',
        description: "The shop's book: customers, debts, repayments and sales, offline first.",
        id: `${BASE}/`,
        start_url: `${BASE}/`,
        scope: `${BASE}/`,
        display: 'standalone',
        orientation: 'portrait',
        background_color: colors.bg,
        theme_color: colors.accent,
        icons: [192, 512].map((size) => ({
          src: `${BASE}/icons/icon-${size}.png`,
          sizes: `${size}x${size}`,
          type: 'image/png',
          purpose: 'any',
        })),
      },
      null,
      2,
    )}\n`,
  );
  const indexHtml = join(OUT, 'index.html');
  const head = [
    `<link rel="manifest" href="${BASE}/manifest.webmanifest" />`,
    `<meta name="theme-color" content="${colors.accent}" />`,
    `<link rel="apple-touch-icon" href="${BASE}/icons/icon-192.png" />`,
  ].join('\n    ');
  writeFileSync(indexHtml, readFileSync(indexHtml, 'utf8').replace('</head>', `\n    ${head}\n  </head>`));

  const files = walk(OUT);
  // Workbox's glob skips dot folders, and Expo writes package assets under
  // assets/__node_modules/.pnpm/… (expo-sqlite's wa-sqlite.wasm among them): list those ourselves.
  const inDotFolder: ManifestEntry[] = files
    .filter((file) => file.split('/').some((part) => part.startsWith('.')))
    .map((file) => ({ url: `${BASE}/${file}`, revision: hashOf(join(OUT, file)) }));
  const { count, size, warnings } = await generateSW({
    globDirectory: OUT,
    globPatterns: ['**/*.{html,js,css,wasm,png,ico,ttf,json,webmanifest}'],
    globIgnores: ['sw.js', 'workbox-*.js', 'metadata.json'],
    additionalManifestEntries: inDotFolder,
    modifyURLPrefix: { '': `${BASE}/` },
    // Names Expo hashes need no revision of their own.
    dontCacheBustURLsMatching: /[.-][0-9a-f]{32}(@\dx)?\.\w+$/,
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
    navigateFallback: `${BASE}/index.html`,
    navigateFallbackAllowlist: [new RegExp(`^${BASE}/`)],
    // A new version takes over at once; the open page says so (register.web.ts). The book and
    // its outbox are in OPFS, untouched by the worker's caches.
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    cacheId: 'storesync-app',
    swDest: join(OUT, 'sw.js'),
    sourcemap: false,
  });
  for (const warning of warnings) console.warn(`workbox: ${warning}`);

  // Served compressed when the browser accepts it (serve-app.mjs): the bundle is ~2 MB as written.
  for (const file of walk(OUT).filter((f) => /\.(js|html|wasm|json|webmanifest|css)$/.test(f))) {
    const body = readFileSync(join(OUT, file));
    writeFileSync(join(OUT, `${file}.gz`), gzipSync(body, { level: 9 }));
    writeFileSync(
      join(OUT, `${file}.br`),
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }

  console.log(
    `/app: ${count} files precached (${(size / 1024 / 1024).toFixed(1)} MB, ${inDotFolder.length} from dot folders) in ${OUT}, ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function hashOf(path: string): string {
  return createHash('md5').update(readFileSync(path)).digest('hex');
}
