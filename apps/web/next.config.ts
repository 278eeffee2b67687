import type { NextConfig } from 'next';

/**
 * The API doors answer any origin: the phone app's web build (and `expo start --web`)
 * runs on its own origin. Safe because these doors authenticate by bearer token; a
 * wildcard origin never carries the dashboard's cookie (browsers refuse credentials with `*`).
 */
const CORS = [
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

const config: NextConfig = {
  transpilePackages: ['@storesync/api', '@storesync/db', '@storesync/schema'],
  // PGlite loads its WebAssembly and data files from its own package folder.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  headers: async () =>
    ['/api/trpc/:path*', '/sync/:path*', '/auth/:path*'].map((source) => ({ source, headers: CORS })),
};

export default config;
