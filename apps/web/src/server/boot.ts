const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Exits 1 with the reason: Next would log the error and go on serving. */
function cannotStart(error: unknown): never {
  console.error(`StoreSync cannot start: ${reasonOf(error)}`);
  process.exit(1);
}

/** Once the database is open: LISTEN, then the sync doors' fast path for server.mjs. */
async function serveSync(): Promise<void> {
  const { gzipLevel } = await import('./gzip');
  // LISTEN is up before the first request, so no push's poke is missed.
  const { getLive } = await import('./live');
  await getLive();
  // The sync doors' fast path, for server.mjs (`pnpm start`) to hand them their requests.
  const { createSyncDoor, installSyncDoor } = await import('./sync-door');
  const { apiDoors } = await import('./rest');
  installSyncDoor(createSyncDoor(apiDoors, gzipLevel()));
  // The change log's compaction, in the background (LOG_HORIZON_DAYS=0 turns it off).
  const { compaction } = await import('~/env');
  if (compaction) {
    const { startCompaction } = await import('./compaction');
    const { getDb } = await import('./db');
    startCompaction(await getDb(), compaction);
  }
}

async function prepare(): Promise<void> {
  // Imported here rather than above, so that an invalid environment (env.ts throws
  // when imported) is one of the failures caught below.
  const { productionRefusals } = await import('~/env');
  const { closeDb, openAtBoot } = await import('./db');
  const { isShuttingDown, stopGracefully } = await import('./shutdown');
  const { setDefaultGzipLevel } = await import('./gzip');
  const { closeLive } = await import('./live');
  const { serverLog } = await import('./log');
  setDefaultGzipLevel();
  const refusals = productionRefusals();
  if (refusals.length > 0) throw new Error(`refusing to run in production: ${refusals.join('; ')}`);
  // Before the database: a stop while the server waits for it ends the wait.
  stopGracefully(closeDb, closeLive);

  // Opening the database applies pending migrations, so no request waits for them.
  let waiting: () => void = () => {};
  const firstFailure = new Promise<'waiting'>((resolve) => {
    waiting = () => resolve('waiting');
  });
  const opening = openAtBoot(waiting);
  const opened = opening.then(() => 'open' as const);
  if ((await Promise.race([opened, firstFailure])) === 'open') return serveSync();

  // PostgreSQL does not answer yet (started before it): serve meanwhile, /health 200, /ready
  // and the API 503, and carry on once it answers, or exit 1 when the wait's bound passes.
  serverLog.warn('serving while waiting for PostgreSQL: /health answers, /ready and the API 503');
  opened
    .then(async () => {
      await serveSync().catch((error) =>
        // The door is a fast path only: Next.js answers the sync doors without it.
        serverLog.error({ err: error }, 'LISTEN or the sync doors failed to start'),
      );
      serverLog.info('PostgreSQL answers and every migration is applied: ready');
    })
    .catch((error) => {
      if (!isShuttingDown()) cannotStart(error);
    });
}

/**
 * What the server does once, before it serves: validate the environment, refuse an
 * unsafe production configuration, open the database and apply pending migrations,
 * and arrange a graceful stop. On any failure the process exits 1. A PostgreSQL that
 * does not answer yet is no failure: the server serves while it waits (db.ts).
 */
export async function boot(): Promise<void> {
  try {
    await prepare();
  } catch (error) {
    cannotStart(error);
  }
}
