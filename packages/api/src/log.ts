import { type DestinationStream, type Logger, pino } from 'pino';
import type { Context } from './context.ts';
import { metrics, routeLabel } from './metrics.ts';

export type { Logger };

/**
 * A JSON-lines logger. Request lines carry ids, counts and timings only: no
 * headers, bodies or payloads are ever passed in, and the redaction below is a
 * second guard for tokens that might reach one by mistake.
 */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: undefined,
      redact: {
        paths: ['authorization', 'sessionToken', 'idToken', '*.authorization', '*.sessionToken', '*.idToken'],
        censor: '[redacted]',
      },
    },
    opts.destination,
  );
}

export const defaultLogger = createLogger();

/** What a door knows about a request when it has answered. */
export interface RequestRecord {
  route: string;
  method: string;
  status: number;
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  ctx: Context | undefined;
  /** The server fault behind a 5xx, logged with its stack. */
  fault?: unknown;
}

/**
 * One line per request: route, store (user id), device, status, duration, push and pull counts.
 * Every door calls it once per request, so the request metrics are counted here too.
 */
export function logRequest(logger: Logger, r: RequestRecord): void {
  const ms = performance.now() - r.startedAt;
  metrics.httpRequests.observe(
    { route: routeLabel(r.route, r.status), method: r.method, status: String(r.status) },
    ms / 1000,
  );
  if (r.ctx?.log.pulled) metrics.pulledEvents.inc(r.ctx.log.pulled);
  const line = {
    route: r.route,
    method: r.method,
    status: r.status,
    ms: Math.round(ms * 10) / 10,
    userId: r.ctx?.auth?.user.id,
    deviceId: r.ctx?.auth?.deviceId,
    ...r.ctx?.log,
  };
  if (r.fault === undefined) logger.info(line, 'request');
  else {
    const cause = (r.fault as { cause?: unknown }).cause;
    logger.error({ ...line, err: cause instanceof Error ? cause : r.fault }, 'request failed');
  }
}
