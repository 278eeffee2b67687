import { createHash, timingSafeEqual } from 'node:crypto';
import { renderMetrics } from './metrics.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * `GET /metrics` for Prometheus, never public: without a token configured it answers 404 (as
 * if absent); with one, only `Authorization: Bearer <token>` gets the metrics, anything else
 * 401. Tokens are compared by their digests in constant time.
 */
export function createMetricsHandler(token: string | undefined) {
  const expected = token ? digest(token) : null;
  return async (req: Request): Promise<Response> => {
    if (!expected) return new Response('Not Found', { status: 404 });
    const sent = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1];
    if (!sent || !timingSafeEqual(digest(sent), expected)) {
      return new Response('Unauthorized', {
        status: 401,
        headers: { 'www-authenticate': 'Bearer realm="metrics"' },
      });
    }
    const { body, contentType } = await renderMetrics();
    return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  };
}
