import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, iso, uuid } from '../test/harness.ts';

const WRITERS = 12;
const BATCHES_PER_WRITER = 25;

let h: Harness;
beforeAll(async () => {
  h = await createHarness('pg', {}, { poolSize: 16 });
  // Some transactions stall after drawing their event ids, as a slow disk or a
  // busy server would make them: without the store lock, later transactions
  // commit first and a naive `event_id > cursor` puller skips the stalled ids.
  await h.t.db.$executeRawUnsafe(`CREATE FUNCTION stall() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.payload->>'name' LIKE 'slow%' THEN PERFORM pg_sleep(0.2); END IF; RETURN NEW; END $$`);
  await h.t.db.$executeRawUnsafe(
    'CREATE TRIGGER stall AFTER INSERT ON sync_events FOR EACH ROW EXECUTE FUNCTION stall()',
  );
});
afterAll(() => h.t.drop());

describe('sync.pull under concurrent pushes', () => {
  it('shows a puller every applied event exactly once', async () => {
    const writers: Device[] = [];
    for (let i = 0; i < WRITERS; i++) writers.push(await h.device('busy@example.com', `writer-${i}`));
    const reader = await h.device('busy@example.com', 'reader');
    const applied: number[] = [];
    let writing = true;

    const write = async (d: Device, w: number) => {
      for (let b = 0; b < BATCHES_PER_WRITER; b++) {
        // Batches of varying size keep transactions of different lengths in flight.
        const size = 1 + ((w * 37 + b * 53) % 8);
        const events = Array.from({ length: size }, (_, k) => ({
          eventUuid: uuid(),
          entity: 'customers',
          entityId: uuid(),
          op: 'upsert',
          payload: { name: `${k === 0 && b % 3 === 0 ? 'slow' : ''}w${w}b${b}e${k}` },
          clientUpdatedAt: iso(Date.now()),
        }));
        const r = await d.api.sync.push({ deviceId: d.deviceId, events });
        for (const x of r.results) if (x.eventId !== undefined) applied.push(x.eventId);
      }
    };
    const seen: number[] = [];
    const read = async () => {
      let cursor = 0;
      for (;;) {
        const done = !writing;
        const page = await reader.api.sync.pull({ cursor, limit: 10 });
        for (const e of page.events) seen.push(e.eventId);
        cursor = page.cursor;
        if (done && !page.hasMore) return;
      }
    };

    const reading = read();
    await Promise.all(writers.map(write));
    writing = false;
    await reading;

    expect(applied.length).toBeGreaterThan(WRITERS * BATCHES_PER_WRITER);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((x, y) => x - y)).toEqual([...applied].sort((x, y) => x - y));
  }, 120_000);
});
