async function prepare(): Promise<void> {
  // Imported here rather than above, so that an invalid environment (env.ts throws
  // when imported) is one of the failures caught below.
  const { productionRefusals } = await import('~/env');
  const { closeDb, getOpenDb } = await import('./db');
  const { stopGracefully } = await import('./shutdown');
  const { gzipLevel, setDefaultGzipLevel } = await import('./gzip');
  setDefaultGzipLevel();
  const refusals = productionRefusals();
  if (refusals.length > 0) throw new Error(`refusing to run in production: ${refusals.join('; ')}`);
  // Opening the database applies pending migrations, so no request waits for them.
  await getOpenDb();
  // LISTEN is up before the first request, so no push's poke is missed.
  const { closeLive, getLive } = await import('./live');
  await getLive();
  stopGracefully(closeDb, closeLive);
  // The sync doors' fast path, for server.mjs (`pnpm start`) to hand them their requests.
  const { createSyncDoor, installSyncDoor } = await import('./sync-door');
  const { apiDoors } = await import('./rest');
  installSyncDoor(createSyncDoor(apiDoors, gzipLevel()));
}

/**
 * What the server does once, before it serves: validate the environment, refuse an
 * unsafe production configuration, open the database and apply pending migrations,
 * and arrange a graceful stop. On any failure the process exits 1: Next would log
 * the error and go on serving.
 */
export async function boot(): Promise<void> {
  try {
    await prepare();
  } catch (error) {
    console.error(`StoreSync cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
