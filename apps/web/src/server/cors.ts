/**
 * The API doors answer any origin: the phone app's web build (and `expo start --web`)
 * runs on its own origin. Safe because these doors authenticate by bearer token; a
 * wildcard origin never carries the dashboard's cookie (browsers refuse credentials with `*`).
 * Used by next.config.ts for Next's routes and by the sync door for its own answers.
 */
export const CORS_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'Access-Control-Allow-Origin', value: '*' },
  { key: 'Access-Control-Allow-Methods', value: 'GET, POST, OPTIONS' },
  // cache-control, x-requested-with and last-event-id: what EventSource polyfills send for `sync.live`.
  {
    key: 'Access-Control-Allow-Headers',
    value:
      'authorization, content-type, trpc-accept, x-trpc-source, cache-control, x-requested-with, last-event-id',
  },
  { key: 'Access-Control-Expose-Headers', value: 'retry-after' },
  { key: 'Access-Control-Max-Age', value: '600' },
];
