import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Db } from '@storesync/db';
import { isLocale, type Locale, matchLocale } from '@storesync/i18n';
import { buildStatement, defaultCurrency } from '@storesync/schema';
import { notFoundHtml, STATEMENT_CSS, statementHtml, tooManyHtml } from '@storesync/statement';
import type { ApiConfig } from '../config.ts';
import { RetryLaterError } from '../errors.ts';
import { clientAddressOf } from '../limits/client-address.ts';
import { hitLimit } from '../limits/limiter.ts';
import { DEFAULT_RATE_LIMITS } from '../limits/rules.ts';
import type { Logger } from '../log.ts';
import { madePage, PageCache } from './cache.ts';
import { noteOpened } from './opened.ts';
import { bookVersion, readLink, readRows } from './read.ts';

/** Tokens as docs/protocol.md has them; anything else is unknown without a query. */
const TOKEN = /^[A-Za-z0-9_-]{22,64}$/;

/** The style element's hash: the page allows that one style and nothing else. */
const STYLE_HASH = createHash('sha256').update(STATEMENT_CSS).digest('base64');

/** The statement page's headers: no scripts, no framing, no referrer, no index, no cache. */
export const STATEMENT_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

/** The token as the log may hold it: its first 4 characters, never enough to open it. */
export const tokenForLog = (token: string) => `${token.slice(0, 4)}…`;

const requested = (header: string | null) =>
  (header ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim() ?? '')
    .filter(Boolean);

/** The reader's language: the customer's, else the store's, else the browser's, else English. */
function localeOf(tags: (string | null)[], acceptLanguage: string | null): Locale {
  for (const tag of tags) {
    const language = tag?.split(/[-_]/)[0]?.toLowerCase();
    if (language && isLocale(language)) return language;
  }
  return matchLocale(requested(acceptLanguage));
}

export interface StatementDoor {
  db: Db;
  config: ApiConfig;
  logger: Logger;
  /** The server's clock; injectable for tests of expiry and of the hourly note. */
  now?: () => Date;
  /** Pages made, kept while the book has not changed (one per process by default). */
  cache?: PageCache;
}

const processCache = new PageCache();

/**
 * `GET /s/<token>`: the customer's statement as the server holds the book now, or one 404 for
 * a token that shows nothing, whatever the reason; 429 with Retry-After past the per-address
 * limit (counted before the lookup, so guesses cost the guesser). Reads no cookie, sets none.
 */
export async function statementResponse(
  door: StatementDoor,
  req: Request,
  token: string,
  /** Whether the caller sends the body as it is (Node's own door): then a page goes gzipped once, not per viewer. */
  options: { encoded?: boolean } = {},
): Promise<Response> {
  const startedAt = performance.now();
  const now = (door.now ?? (() => new Date()))();
  const acceptLanguage = req.headers.get('accept-language');
  const answer = (status: number, html: string | Uint8Array, extra: Record<string, string> = {}) => {
    door.logger.info(
      {
        route: '/s/:token',
        method: 'GET',
        status,
        ms: Math.round((performance.now() - startedAt) * 10) / 10,
        token: tokenForLog(token),
      },
      'request',
    );
    return new Response(html as BodyInit, { status, headers: { ...STATEMENT_HEADERS, ...extra } });
  };
  const address = clientAddressOf(req.headers, door.config.trustedProxyHops);
  try {
    if (address) {
      const rule = door.config.limits.statementPerAddress ?? DEFAULT_RATE_LIMITS.statementPerAddress;
      await hitLimit(door.db.sql, `statement:address:${address}`, rule);
    }
  } catch (error) {
    if (!(error instanceof RetryLaterError)) throw error;
    const seconds = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
    return answer(429, tooManyHtml(localeOf([], acceptLanguage)), { 'Retry-After': seconds });
  }
  const linked = TOKEN.test(token) ? await readLink(door.db.sql, token, now) : null;
  if (!linked) return answer(404, notFoundHtml(localeOf([], acceptLanguage)));
  const locale = localeOf([linked.customerLanguage, linked.storeLanguage], acceptLanguage);
  const today = now.toISOString().slice(0, 10);
  const currency = linked.currency ?? defaultCurrency(requested(acceptLanguage));
  const cache = door.cache ?? processCache;
  // The version first, then the rows: a write in between makes the page newer than its key, never older.
  const version = await bookVersion(door.db.sql, linked.userId);
  const key = [linked.userId, linked.customerId, version, locale, currency, today].join(' ');
  const make = async () => {
    const rows = await readRows(door.db.sql, linked.userId, linked.customerId);
    const html = statementHtml({
      statement: buildStatement(linked.customerId, rows, today),
      shopName: linked.shopName,
      customerName: linked.customerName,
      currency,
      locale,
      today,
      timeZone: 'UTC',
    });
    return madePage(html);
  };
  const page = await cache.getOrMake(key, make);
  // At most one push an hour per link; a failed note never fails the page.
  await noteOpened(door.db, linked, now).catch((error: unknown) =>
    door.logger.warn({ err: error, token: tokenForLog(token) }, 'noting a statement opened failed'),
  );
  if (options.encoded && /\bgzip\b/.test(req.headers.get('accept-encoding') ?? '')) {
    page.gzipped ??= gzipSync(page.body);
    return answer(200, page.gzipped, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
  }
  // Next.js compresses the answer for browsers that take gzip (a route cannot send it encoded).
  return answer(200, page.body);
}
