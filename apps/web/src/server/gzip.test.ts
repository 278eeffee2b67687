import { createRequire } from 'node:module';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { setDefaultGzipLevel } from './gzip';

/** A pull page's worth of JSON: the same keys, row after row. */
const page = Buffer.from(
  JSON.stringify(
    Array.from({ length: 2000 }, (_, i) => ({
      eventId: i,
      entity: 'customers',
      row: {
        id: `${i}`.padStart(36, '0'),
        name: `customer ${i}`,
        clocks: { name: `2026-11-30T16:${i % 60}` },
      },
    })),
  ),
);

const gzipOf = (stream: ReturnType<typeof import('node:zlib').createGzip>) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.end(page);
  });

it('makes level 1 the default of gzip streams made the way Next.js compression makes them', async () => {
  // As the middleware does: the CommonJS module object, options without a level.
  const zlib = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
  const level6 = await gzipOf(zlib.createGzip({}));
  expect(level6.equals(gzipSync(page, { level: 6 }))).toBe(true);
  setDefaultGzipLevel(1);
  const level1 = await gzipOf(zlib.createGzip({}));
  expect(level1.equals(gzipSync(page, { level: 1 }))).toBe(true);
  expect(level1.equals(level6)).toBe(false);
  expect(gunzipSync(level1).equals(page)).toBe(true);
  // A level asked for is kept.
  expect((await gzipOf(zlib.createGzip({ level: 9 }))).equals(gzipSync(page, { level: 9 }))).toBe(true);
});
