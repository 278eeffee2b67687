import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Db } from '@storesync/db';
import { isLocale, type Locale, matchLocale } from '@storesync/i18n';
import { buildStatement, defaultCurrency } from '@storesync/schema';
import { notFoundHtml, STATEMENT_CSS, statementHtml, tooManyHtml } from '@storesync/statement';
import type { ApiConfig } from '../config.ts';
import { clientAddressOf } from '../limits/client-address.ts';
import { LocalLimiter } from '../limits/local-limiter.ts';
import { DEFAULT_RATE_LIMITS, type LimitRule } from '../limits/rules.ts';
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

/** The process's per-address counters, one set per rule (tests give the door a rule of their own). */
const limiters = new WeakMap<LimitRule, LocalLimiter>();
const limiterOf = (rule: LimitRule) => {
  const limiter = limiters.get(rule) ?? new LocalLimiter(rule, 'statement');
  limiters.set(rule, limiter);
  return limiter;
};

/** The pages that depend on nothing but the language, made once each. */
const byLocale = (make: (locale: Locale) => string) => {
  const made = new Map<Locale, Uint8Array>();
  return (locale: Locale) => {
    const page = made.get(locale) ?? new TextEncoder().encode(make(locale));
    made.set(locale, page);
    return page;
  };
};
const notFoundPage = byLocale(notFoundHtml);
const tooManyPage = byLocale(tooManyHtml);

/**
 * `GET /s/<token>`: the customer's statement as the server holds the book now, or one 404 for
 * a token that shows nothing, whatever the reason; 429 with Retry-After past the per-address
 * limit. Reads no cookie, sets none.
 */
export async function statementResponse(
  door: StatementDoor,
  /** The request's headers are all it reads: a Request, or Node's door's lighter stand-in. */
  req: { headers: Pick<Headers, 'get'> },
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
  // Counted in memory (local-limiter.ts), before the lookup: a guess costs the guesser, not the database.
  const rule = door.config.limits.statementPerAddress ?? DEFAULT_RATE_LIMITS.statementPerAddress;
  const retryAfter = address ? limiterOf(rule).hit(address) : null;
  if (retryAfter !== null)
    return answer(429, tooManyPage(localeOf([], acceptLanguage)), { 'Retry-After': String(retryAfter) });
  const linked = TOKEN.test(token) ? await readLink(door.db.sql, token, now) : null;
  if (!linked) return answer(404, notFoundPage(localeOf([], acceptLanguage)));
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
