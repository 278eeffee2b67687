import pg from 'pg';

/**
 * Lets PostgreSQL finish the background work a scenario leaves behind
 * (autovacuum and analyze of the rows it wrote, dirty buffers to flush), so it
 * is not billed to the next scenario's latencies.
 */
export async function settle(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}
