import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { newId } from '../events.ts';
import { rate } from '../stats.ts';

/**
 * The raw rate this machine allows: event-shaped rows (jsonb payload, unique
 * (user, event_uuid), the same indexes as sync_events) appended with multi-row
 * INSERTs of `batch` rows through node-postgres, one transaction per batch.
 */
export async function ceilingRate(url: string, total: number, batch: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS bench_events (
      event_id bigserial PRIMARY KEY, user_id uuid NOT NULL, device_id text NOT NULL, entity text NOT NULL,
      entity_id uuid NOT NULL, op text NOT NULL, payload jsonb NOT NULL, client_updated_at timestamptz NOT NULL,
      server_received_at timestamptz NOT NULL DEFAULT now(), event_uuid uuid NOT NULL, UNIQUE (user_id, event_uuid))`);
    await client.query(
      'CREATE INDEX IF NOT EXISTS bench_events_user_event ON bench_events (user_id, event_id)',
    );
    const userId = randomUUID();
    return await rate(total, async () => {
      for (let done = 0; done < total; done += batch) {
        const values: unknown[] = [];
        const rows: string[] = [];
        for (let i = 0; i < batch; i++) {
          const id = newId();
          const at = new Date().toISOString();
          const payload = {
            id,
            name: `c${i}`,
            phone: '+254700000000',
            note: 'regular, pays on Fridays',
            createdAt: at,
            updatedAt: at,
            deletedAt: null,
            updatedByDeviceId: 'bench',
            rowVersion: 1,
          };
          const p = values.length;
          rows.push(
            `($${p + 1}, 'bench', 'customers', $${p + 2}, 'upsert', $${p + 3}, $${p + 4}, $${p + 5})`,
          );
          values.push(userId, id, JSON.stringify(payload), at, newId());
        }
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO bench_events (user_id, device_id, entity, entity_id, op, payload, client_updated_at, event_uuid) VALUES ${rows.join(',')}`,
          values,
        );
        await client.query('COMMIT');
      }
    });
  } finally {
    await client.end();
  }
}
