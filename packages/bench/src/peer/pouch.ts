import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@storesync/test-support/ports';
import PouchDB from 'pouchdb';

/**
 * The peer: what a developer would pick instead of StoreSync. PouchDB on each
 * device (LevelDB, as in Node) replicating with a CouchDB-compatible server,
 * express-pouchdb on LevelDB, run in its own Node process on 127.0.0.1 as
 * the sync server is.
 */
export interface Peer {
  /** Docs/s of a device replicating `count` new customer docs to the server. */
  pushRate(count: number): Promise<number>;
  /** Fills the server database `name` with `count` customer docs (untimed). */
  fill(name: string, count: number): Promise<void>;
  /** Seconds for a fresh device to replicate the whole of `name`, and the docs it then holds. */
  firstPull(name: string): Promise<{ seconds: number; docs: number }>;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('couch-server.mjs', import.meta.url));

/** Docs shaped like a customer row as StoreSync stores it. */
const customerDocs = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const at = new Date().toISOString();
    return {
      _id: randomUUID(),
      name: `c customer ${i}`,
      phone: '+254700000000',
      note: 'regular, pays on Fridays',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      updatedByDeviceId: 'peer',
      rowVersion: 1,
    };
  });

export async function startPeer(): Promise<Peer> {
  const dir = mkdtempSync(join(tmpdir(), 'storesync-peer-'));
  const port = await freePort();
  const child = spawn(process.execPath, [script, String(port), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`express-pouchdb exited (${code})`)));
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
  });
  const base = `http://127.0.0.1:${port}`;
  let n = 0;
  /** A device's database on disk, removed when `fn` is done with it. */
  const onDevice = async <T>(fn: (db: InstanceType<typeof PouchDB>) => Promise<T>): Promise<T> => {
    n += 1;
    const db = new PouchDB(join(dir, `device-${n}`));
    try {
      return await fn(db);
    } finally {
      await db.close();
      rmSync(join(dir, `device-${n}`), { recursive: true, force: true });
    }
  };
  const remove = (name: string) => fetch(`${base}/${name}`, { method: 'DELETE' });

  return {
    pushRate: (count) =>
      onDevice(async (local) => {
        await local.bulkDocs(customerDocs(count));
        const target = `push-${n}`;
        const t0 = performance.now();
        const r = await local.replicate.to(`${base}/${target}`);
        const seconds = (performance.now() - t0) / 1000;
        if (r.docs_written !== count) throw new Error(`peer pushed ${r.docs_written} of ${count} docs`);
        await remove(target);
        return count / seconds;
      }),
    async fill(name, count) {
      const remote = new PouchDB(`${base}/${name}`);
      for (let done = 0; done < count; done += 1000)
        await remote.bulkDocs(customerDocs(Math.min(1000, count - done)));
      await remote.close();
    },
    firstPull: (name) =>
      onDevice(async (local) => {
        const t0 = performance.now();
        // As StoreSync's page: 5,000 was faster for PouchDB too than 1,000 (30k docs, 4 rounds).
        await local.replicate.from(`${base}/${name}`, { batch_size: 5000 });
        const seconds = (performance.now() - t0) / 1000;
        return { seconds, docs: (await local.info()).doc_count };
      }),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
