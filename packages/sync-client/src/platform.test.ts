import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScriptedApi, createTestClient } from './test/fake-api.ts';

const src = new URL('.', import.meta.url).pathname;
/** The modules an app bundles: all but tests, test helpers and the Node-only better-sqlite3 adapter. */
const shipped = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test'))
  .filter((f) => !['storage/sqlite.ts', 'storage/store-suite.ts'].includes(f));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('what runs under Hermes (React Native)', () => {
  it('uses no Node-only API in the modules an app bundles', () => {
    expect(shipped).toContain('client.ts');
    const nodeOnly = shipped.filter((f) =>
      /from '(node:|better-sqlite3)|require\(|\bBuffer\b|\bprocess\./.test(
        readFileSync(join(src, f), 'utf8'),
      ),
    );
    expect(nodeOnly).toEqual([]);
  });

  it('never calls crypto.randomUUID (Hermes has none) when the app passes newId', async () => {
    const randomUUID = vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(() => {
      throw new Error('crypto.randomUUID is not a function');
    });
    const { client } = await createTestClient(createScriptedApi().api);
    const c = await client.customers.create({ name: 'Amina' });
    await client.debts.create({ customerId: c.id, amount: 100 });
    await client.syncNow();
    expect(client.status.get()).toMatchObject({ pending: 0, failed: 0 });
    expect(randomUUID).not.toHaveBeenCalled();
  });
});
