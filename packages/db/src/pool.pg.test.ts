import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from './testing.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 1 });
});
afterAll(() => t.drop());

const backend = async () =>
  (await t.db.sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]?.pid ?? Number.NaN;

it("keeps an idle connection past node-postgres's 10 s, so a request after a lull opens none", async () => {
  const before = await backend();
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  expect(await backend()).toBe(before);
}, 30_000);
