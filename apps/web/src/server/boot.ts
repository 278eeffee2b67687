import { productionRefusals } from '~/env';
import { closeDb, getOpenDb } from './db';
import { stopGracefully } from './shutdown';

async function prepare(): Promise<void> {
  const refusals = productionRefusals();
  if (refusals.length > 0) throw new Error(`refusing to run in production: ${refusals.join('; ')}`);
  // Opening the database applies pending migrations, so no request waits for them.
  await getOpenDb();
  stopGracefully(closeDb);
}

/**
 * What the server does once, before it serves: refuse an unsafe production
 * configuration, open the database and apply pending migrations, and arrange a
 * graceful stop. On any failure the process exits 1: Next would log the error
 * and go on serving.
 */
export async function boot(): Promise<void> {
  try {
    await prepare();
  } catch (error) {
    console.error(`StoreSync cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
