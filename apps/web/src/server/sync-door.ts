import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import {
  createRestHandlers,
  createTrpcHandler,
  type RestHandlerOptions,
  statementResponse,
} from '@storesync/api';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { CORS_HEADERS } from './cors';
import { serverLog } from './log';
import { API_HEADERS, HSTS, servedOverHttps } from './security-headers';

/** Answers the requests it takes (returns true) and leaves every other one to Next.js (false). */
export type NodeDoor = (req: IncomingMessage, res: ServerResponse) => boolean;

type Handler = (req: Request) => Promise<Response>;

const gzipAsync = promisify(gzip);

/** The `compression` middleware's own threshold: smaller answers go as they are. */
const GZIP_THRESHOLD = 1024;

const acceptsGzip = (req: IncomingMessage) =>
  /\bgzip\b(?!;\s*q=0(\.0*)?(,|$))/.test(req.headers['accept-encoding'] ?? '');

/** The API's security headers and CORS (the door takes bearer requests only), and HSTS over HTTPS. */
function doorHeaders(req: IncomingMessage, trustedProxyHops: number) {
  const https = servedOverHttps(
    new Headers({ 'x-forwarded-proto': String(req.headers['x-forwarded-proto'] ?? '') }),
    trustedProxyHops,
  );
  return [...API_HEADERS, ...CORS_HEADERS, ...(https ? [HSTS] : [])];
}

/** Writes a handler's answer with the headers next.config.ts and proxy.ts give API answers, gzip'd as Next.js would. */
async function send(
  req: IncomingMessage,
  res: ServerResponse,
  answer: Response,
  level: number | null,
  trustedProxyHops: number,
) {
  let body = Buffer.from(await answer.arrayBuffer());
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, key) => {
    headers[key] = value;
  });
  for (const { key, value } of doorHeaders(req, trustedProxyHops)) headers[key.toLowerCase()] = value;
  if (level !== null && body.length >= GZIP_THRESHOLD && acceptsGzip(req)) {
    body = await gzipAsync(body, { level });
    headers['content-encoding'] = 'gzip';
    headers.vary = 'Accept-Encoding';
  }
  headers['content-length'] = String(body.length);
  res.writeHead(answer.status, headers);
  res.end(body);
}

/**
 * The sync doors — `sync.push`, `sync.pull` and `sync.snapshot` over tRPC (`/api/trpc/…`) and plain
 * HTTP (`/sync/…`) — served straight from Node's http server by `server.mjs`, before
 * Next.js routes the request. They are the same handlers as the Next routes (same
 * procedures, limits, errors and log lines); what they skip is Next.js's routing and
 * its web-stream plumbing, about half of a sync request's time (docs/benchmarks.md).
 * Only bearer requests: the dashboard's cookie session is read through Next.js's own
 * request context, so a request without `Authorization` goes to the Next routes.
 * `gzipLevel` as HTTP_GZIP_LEVEL says (null: no compression).
 */
export function createSyncDoor(opts: RestHandlerOptions, gzipLevel: number | null): NodeDoor {
  const bearerOnly: RestHandlerOptions = { ...opts, webAuth: undefined };
  const trpc = createTrpcHandler({ endpoint: '/api/trpc', ...bearerOnly });
  const rest = createRestHandlers(bearerOnly);
  const routes = new Map<string, Handler>([
    ['POST /api/trpc/sync.push', trpc],
    ['GET /api/trpc/sync.pull', trpc],
    ['POST /sync/push', rest.push],
    ['GET /sync/pull', rest.pull],
    ['GET /api/trpc/sync.snapshot', trpc],
    ['GET /sync/snapshot', rest.snapshot],
  ]);
  return (req, res) => {
    const url = req.url ?? '/';
    const statement = req.method === 'GET' ? STATEMENT_PATH.exec(url) : null;
    if (statement) {
      serveStatement(req, res, opts, decodeURIComponent(statement[1] ?? ''));
      return true;
    }
    if (!req.headers.authorization) return false;
    const query = url.indexOf('?');
    const handler = routes.get(`${req.method} ${query < 0 ? url : url.slice(0, query)}`);
    if (!handler) return false;
    const answer = async () => {
      let request: Request;
      try {
        // tRPC's own conversion; no size cap here: readBody applies the API's limits, and its time limit.
        request = incomingMessageToRequest(req, res, { maxBodySize: null });
      } catch {
        // An unusable Host header, say: nothing a handler could read.
        return send(
          req,
          res,
          Response.json({ error: { code: 'BAD_REQUEST', message: 'bad request' } }, { status: 400 }),
          null,
          opts.config.trustedProxyHops,
        );
      }
      return send(req, res, await handler(request), gzipLevel, opts.config.trustedProxyHops);
    };
    answer().catch((error: unknown) => {
      // The handlers answer their own errors; this is a fault in writing the answer.
      console.error('The sync door failed', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end();
    });
    return true;
  };
}

/** `/s/<token>`, a customer's statement: public, read by many viewers at once (issue 22). */
const STATEMENT_PATH = /^\/s\/([^/?#]+)(?:\?.*)?$/;

/**
 * The statement page from Node's own server, as the Next route (app/s/[token]) answers it but
 * with its page gzipped once and kept, where Next.js compressed a 1 MiB page again per viewer.
 * Its own headers only (no API CORS); HSTS over HTTPS as everywhere.
 */
function serveStatement(req: IncomingMessage, res: ServerResponse, opts: RestHandlerOptions, token: string) {
  const logger = opts.logger ?? serverLog;
  // Headers read straight from Node's request: no web Request (and its AbortSignal) per guess.
  const headers = {
    get(name: string): string | null {
      const value = req.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
  const answer = async () => {
    const db = await opts.getDb();
    const page = await statementResponse({ db, config: opts.config, logger }, { headers }, token, {
      encoded: true,
    });
    const sent: Record<string, string> = {};
    page.headers.forEach((value, key) => {
      sent[key] = value;
    });
    if (servedOverHttps(headers, opts.config.trustedProxyHops)) sent[HSTS.key.toLowerCase()] = HSTS.value;
    const body = Buffer.from(await page.arrayBuffer());
    sent['content-length'] = String(body.length);
    res.writeHead(page.status, sent);
    res.end(body);
  };
  answer().catch((error: unknown) => {
    // A database that does not answer: the route's own 503; anything else a 500, logged.
    console.error('The statement door failed', error);
    if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5' });
    res.end();
  });
}

// On globalThis: boot.ts (Next's instrumentation bundle) installs it, server.mjs calls it.
const holder = globalThis as unknown as { storesyncSyncDoor?: NodeDoor };

/** Makes the door available to `server.mjs`, which hands it every request first. */
export function installSyncDoor(door: NodeDoor): void {
  holder.storesyncSyncDoor = door;
}
