import type * as Zlib from 'node:zlib';

/** The gzip level of the server's answers, unless HTTP_GZIP_LEVEL (0–9) says otherwise. */
export const DEFAULT_GZIP_LEVEL = 1;

let installed = false;

/** The level HTTP_GZIP_LEVEL asks for, or DEFAULT_GZIP_LEVEL; null when it is not a level (0–9). */
export function gzipLevel(setting = process.env.HTTP_GZIP_LEVEL): number | null {
  const level = Number(setting ?? DEFAULT_GZIP_LEVEL);
  return Number.isInteger(level) && level >= 0 && level <= 9 ? level : null;
}

/**
 * Makes `level` the default of every gzip stream this process makes without
 * naming one — in practice the answers Next.js compresses (`compress: true`
 * runs the `compression` middleware, which asks zlib for its default, level 6,
 * and offers no setting). A pull page of 1,000 events (440 KB of JSON) takes
 * ~5 ms at level 6 and ~1 ms at level 1, and comes out about the same size
 * (the rows repeat the same keys): level 1 keeps what compression is for, a
 * small answer on a phone's network, at a fifth of the server's time.
 */
export function setDefaultGzipLevel(level = gzipLevel()): void {
  if (installed || level === null) return;
  installed = true;
  // The module object itself, the one the middleware calls (an import is a read-only copy), whose
  // functions are read-only but configurable properties.
  const zlib = process.getBuiltinModule('node:zlib') as typeof Zlib;
  const createGzip = zlib.createGzip;
  Object.defineProperty(zlib, 'createGzip', {
    value: (options?: Zlib.ZlibOptions) => createGzip({ level, ...options }),
  });
}
