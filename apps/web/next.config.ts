import type { NextConfig } from 'next';
import { CORS_HEADERS } from './src/server/cors';
import { API_HEADERS, PAGE_HEADERS } from './src/server/security-headers';

/** The API doors a phone or another origin calls with a bearer token. */
const CORS_DOORS = ['/api/trpc/:path*', '/sync/:path*', '/auth/:path*'];
const API_SOURCES = [...CORS_DOORS, '/api/auth/:path*', '/health', '/ready', '/metrics', '/openapi.json'];

const config: NextConfig = {
  transpilePackages: [
    '@storesync/api',
    '@storesync/db',
    '@storesync/i18n',
    '@storesync/schema',
    '@storesync/statement',
  ],
  // PGlite loads its WebAssembly and data files from its own package folder.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // Later rules override earlier ones: every answer gets the page set, API answers their own.
  // The pages' Content-Security-Policy (a nonce per request) and HSTS come from src/proxy.ts.
  headers: async () => [
    { source: '/:path*', headers: [...PAGE_HEADERS] },
    ...API_SOURCES.map((source) => ({ source, headers: [...API_HEADERS] })),
    // The public statement refers no one (its other headers are its route's own).
    { source: '/s/:token', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
    // CORS for bearer requests, and for requests without cookies (a sign-in, a preflight), never
    // for a request that carries the dashboard's cookie without a token: a page on another
    // origin gets no readable answer, and the API ignores the cookie there anyway (cross-origin.ts).
    ...CORS_DOORS.flatMap((source) => [
      { source, has: [{ type: 'header' as const, key: 'authorization' }], headers: [...CORS_HEADERS] },
      { source, missing: [{ type: 'header' as const, key: 'cookie' }], headers: [...CORS_HEADERS] },
    ]),
  ],
};

export default config;
