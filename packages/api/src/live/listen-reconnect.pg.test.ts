import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { metrics } from '../metrics.ts';
import { type PokeHub, startPokeHub } from './hub.ts';

let t: TestDb;
let hub: PokeHub;
const lines: Array<{ level: number; msg: string; err?: { message?: string } }> = [];
const logger = createLogger({ destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });

beforeAll(async () => {
  t = await createTestDatabase();
  hub = await startPokeHub(t.listen, { logger });
});
afterAll(async () => {
  await hub?.close();
  await t?.drop();
});

const reconnects = async (event: string) =>
  (await metrics.listenReconnects.get()).values.find((v) => v.labels.event === event)?.value ?? 0;
const listenUp = async () => (await metrics.listenUp.get()).values[0]?.value;

describe('the poke hub’s LISTEN connection, lost', () => {
  it('logs and counts the loss (live updates fall back to the timer) and the reconnect', async () => {
    const [lost, resumed] = [await reconnects('lost'), await reconnects('resumed')];
    expect(await listenUp()).toBe(1);
    // As a PostgreSQL restart or a failover would: the server ends the listening backend.
    const [killed] = await t.db.sql.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
    );
    expect(killed?.n).toBe(1);
    await expect.poll(() => reconnects('lost'), { timeout: 10_000 }).toBe(lost + 1);
    const warn = lines.find((l) => l.msg.startsWith('LISTEN connection lost'));
    expect(warn?.level).toBe(40);
    expect(warn?.err?.message).toMatch(/terminat/);
    await expect.poll(() => reconnects('resumed'), { timeout: 10_000 }).toBe(resumed + 1);
    expect(await listenUp()).toBe(1);
    expect(lines.some((l) => l.msg.startsWith('LISTEN is back'))).toBe(true);
  });
});
