import { defineConfig } from 'prisma/config';

// Used by Prisma's CLI where it is available (generate here; migrate deploy on
// a machine with the native engine). The app applies migrations itself.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
});
