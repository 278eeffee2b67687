import type { NextConfig } from 'next';

const config: NextConfig = {
  transpilePackages: ['@storesync/api', '@storesync/db', '@storesync/schema'],
  // PGlite loads its WebAssembly and data files from its own package folder.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
};

export default config;
