// A device in a process of its own, for snapshot-crash.pg.test.ts to kill -9 mid-snapshot:
// `tsx crash-device.ts <tRPC url> <SQLite file> <email> <rows a page>`. It syncs on a book on
// that file, asking for snapshot pages that small; as each page arrives it prints `page`, and
// at the third it records a customer (typed while the book arrives). It prints `synced` at the end.
import type { SyncClient } from '../client.ts';
import { openSqliteStore } from '../storage/sqlite.ts';
import { devSignIn, serverDevice } from './server-device.ts';

const [url, file, email, rows] = process.argv.slice(2) as [string, string, string, string];
let client: SyncClient | undefined;
let pages = 0;
const paged: typeof fetch = async (input, init) => {
  const at = new URL(String(input));
  const snapshot = at.pathname.endsWith('/sync.snapshot');
  if (snapshot) {
    const arg = JSON.parse(at.searchParams.get('input') ?? '{}') as object;
    at.searchParams.set('input', JSON.stringify({ ...arg, limit: Number(rows) }));
  }
  const res = await fetch(at, init);
  if (snapshot && res.ok) {
    if (++pages === 3)
      await client?.customers.create({ name: 'Typed during the sync', phone: null, note: null });
    process.stdout.write('page\n');
  }
  return res;
};
client = await serverDevice({ url, signIn: (e, d) => devSignIn(url, e, d) }, email, {
  store: await openSqliteStore(file),
  fetch: paged,
});
await client.syncNow();
process.stdout.write('synced\n');
await client.close();
