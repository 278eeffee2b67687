import type { NextConfig } from 'next';
import { CORS_HEADERS } from './src/server/cors';

const config: NextConfig = {
  transpilePackages: ['@storesync/api', '@storesync/db', '@storesync/i18n', '@storesync/schema'],
  // PGlite loads its WebAssembly and data files from its own package folder.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  headers: async () =>
    ['/api/trpc/:path*', '/sync/:path*', '/auth/:path*'].map((source) => ({
      source,
      headers: [...CORS_HEADERS],
    })),
};

export default config;
