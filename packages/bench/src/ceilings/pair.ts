import pg from 'pg';
import { type NewId, newId } from '../events.ts';
import { rate } from '../stats.ts';
import { copyFrom, copyText } from './copy.ts';

/** One stored row of `table`, as a line of COPY's text format. */
interface Template {
  table: string;
  columns: string[];
  line: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every column of `table` but `skip`, in table order. */
async function columnsOf(client: pg.Client, table: string, skip: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.name).filter((c) => !skip.includes(c));
}

async function templateOf(client: pg.Client, table: string, where: string, params: unknown[]) {
  const columns = await columnsOf(client, table, ['event_id']);
  const { rows } = await client.query<Record<string, string | null>>(
    `SELECT ${columns.map((c) => `${quote(c)}::text`).join(', ')} FROM ${table} WHERE ${where}`,
    params,
  );
  const row = rows[0];
  if (!row) throw new Error(`no ${table} row to copy`);
  return { table, columns, line: Object.values(row).map(copyText).join('\t') };
}

/**
 * Event-row and entity-row ceilings on the real tables, with rows a real push
 * wrote as templates: whatever the push path stores (its columns, the field
 * clocks' encoding, the payload) is what these copy, byte for byte, under
 * fresh ids, made as a push's are (`id`). The device `deviceId` must have
 * pushed a new customer before.
 */
export async function createCopyCeilings(url: string, deviceId: string, id: NewId = newId) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const ev = await client.query<{ user_id: string; entity_id: string; event_uuid: string }>(
    `SELECT user_id::text, entity_id::text, event_uuid::text FROM sync_events
     WHERE device_id = $1 AND entity = 'customers' ORDER BY event_id DESC LIMIT 1`,
    [deviceId],
  );
  const last = ev.rows[0];
  if (!last) throw new Error(`device ${deviceId} has pushed no customer`);
  const event: Template = await templateOf(client, 'sync_events', 'user_id = $1 AND event_uuid = $2', [
    last.user_id,
    last.event_uuid,
  ]);
  const entity: Template = await templateOf(client, 'customers', 'user_id = $1 AND id = $2', [
    last.user_id,
    last.entity_id,
  ]);
  // The same fresh ids in both rows, wherever the template has them (columns, payload, clocks).
  const fresh = (t: Template, ids: { entity: string; event: string }) =>
    t.line.split(last.entity_id).join(ids.entity).split(last.event_uuid).join(ids.event);
  const chunk = (batch: number) => {
    const ids = Array.from({ length: batch }, () => ({ entity: id(), event: id() }));
    return {
      events: `${ids.map((i) => fresh(event, i)).join('\n')}\n`,
      entities: `${ids.map((i) => fresh(entity, i)).join('\n')}\n`,
    };
  };
  // Built before the clock starts: the ceiling is the database's, not the string building's.
  const chunks = (total: number, batch: number) =>
    Array.from({ length: Math.ceil(total / batch) }, () => chunk(batch));
  const copy = (t: Template, data: string) =>
    copyFrom(client, `COPY ${t.table} (${t.columns.map(quote).join(', ')}) FROM STDIN`, data);

  return {
    /** Rows/s of event rows appended by COPY, `batch` rows per transaction. */
    async events(total: number, batch: number): Promise<number> {
      const data = chunks(total, batch);
      return rate(total, async () => {
        for (const c of data) {
          await client.query('BEGIN');
          await copy(event, c.events);
          await client.query('COMMIT');
        }
      });
    },
    /**
     * Events/s of what a push of new rows must write at the least: each
     * event's entity row and its event row, two COPYs in one transaction per
     * `batch`.
     */
    async pairs(total: number, batch: number): Promise<number> {
      const data = chunks(total, batch);
      return rate(total, async () => {
        for (const c of data) {
          await client.query('BEGIN');
          await copy(entity, c.entities);
          await copy(event, c.events);
          await client.query('COMMIT');
        }
      });
    },
    /**
     * Grows the template's store by up to `total` entity rows with their
     * events, `batch` pairs per transaction, stopping at the first batch
     * that ends past `deadline` (a performance.now() time). Returns the pairs
     * written.
     */
    async grow(total: number, batch: number, deadline: number): Promise<number> {
      let done = 0;
      while (done < total && performance.now() < deadline) {
        const c = chunk(Math.min(batch, total - done));
        await client.query('BEGIN');
        await copy(entity, c.entities);
        await copy(event, c.events);
        await client.query('COMMIT');
        done += Math.min(batch, total - done);
      }
      return done;
    },
    close: () => client.end(),
  };
}
