// `pnpm db:migrate`: applies the pending migrations to DATABASE_URL, for a deploy step
// that runs before the new app version starts (the app also applies them at boot).
import { migrationStatus, openDb } from '@storesync/db';
import { env } from '~/env';

async function main(): Promise<void> {
  if (!env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set. The embedded database (DATA_DIR) is migrated by the app itself when it starts; ' +
        'only one process may open it.',
    );
  }
  const opened = await openDb({
    databaseUrl: env.DATABASE_URL,
    directUrl: env.DATABASE_DIRECT_URL,
    poolSize: 1,
  });
  try {
    const { pending } = await migrationStatus(opened.db.sql);
    if (pending.length > 0) throw new Error(`still pending: ${pending.join(', ')}`);
    const [latest] = await opened.db.sql.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1',
    );
    console.log(`Database is up to date (latest migration: ${latest?.migration_name ?? 'none'}).`);
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
