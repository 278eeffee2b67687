import { randomUUID } from 'node:crypto';
import { createPgliteDatabase, createTestDatabase, type TestDb } from '@storesync/db/testing';
import { type ApiConfig, defaultApiConfig } from '../config.ts';
import { createContext } from '../context.ts';
import { createTrpcHandler } from '../http.ts';
import { createLogger } from '../log.ts';
import { createCaller } from '../root.ts';

export type DbKind = 'pg' | 'pglite';
/** Opens a database of the test's own making (e.g. through PgBouncer, with a replica). */
export type OpenTestDb = () => Promise<TestDb>;

export interface Harness {
  t: TestDb;
  config: ApiConfig;
  /** A caller as an HTTP request with these headers would get. */
  callerWith(headers?: Record<string, string>): Promise<ReturnType<typeof createCaller>>;
  /** Signs a device of `email`'s store in through `auth.devSignIn` and returns its caller. */
  device(email: string, deviceId?: string): Promise<Device>;
  /** The HTTP endpoint, as the Next route serves it. */
  http(path: string, init?: RequestInit): Promise<Response>;
}

export interface Device {
  deviceId: string;
  token: string;
  userId: string;
  api: ReturnType<typeof createCaller>;
}

export async function createHarness(
  kind: DbKind | OpenTestDb,
  overrides: Partial<ApiConfig> = {},
  dbOptions: { poolSize?: number } = {},
): Promise<Harness> {
  const t =
    typeof kind === 'function'
      ? await kind()
      : kind === 'pg'
        ? await createTestDatabase(dbOptions)
        : await createPgliteDatabase();
  // Limits far out of reach unless a test is about them: tests sign many devices in at once.
  const unlimited = { max: 1_000_000, windowSeconds: 60 };
  const config = defaultApiConfig({
    devLogin: true,
    limits: { perSession: unlimited, signInPerAddress: unlimited, signInPerAccount: unlimited },
    ...overrides,
  });
  const callerWith = async (headers: Record<string, string> = {}) =>
    createCaller(await createContext({ db: t.db, config, headers: new Headers(headers) }));
  const logger = createLogger({ level: 'silent' });
  const handler = createTrpcHandler({ endpoint: '/api/trpc', getDb: async () => t.db, config, logger });
  return {
    t,
    config,
    callerWith,
    async device(email, deviceId = `device-${randomUUID()}`) {
      const anon = await callerWith();
      const s = await anon.auth.devSignIn({ email, deviceId });
      const api = await callerWith({ authorization: `Bearer ${s.sessionToken}` });
      return { deviceId, token: s.sessionToken, userId: s.user.id, api };
    },
    http: (path, init) => handler(new Request(`http://localhost/api/trpc/${path}`, init)),
  };
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const uuid = () => randomUUID();

/** An outbox `upsert` event as a device sends it (`extra` adds or overrides envelope fields). */
export const upsertEvent = (
  entity: string,
  entityId: string,
  payload: Record<string, unknown>,
  ms: number,
  extra = {},
) => ({
  eventUuid: uuid(),
  entity,
  entityId,
  op: 'upsert',
  payload,
  clientUpdatedAt: iso(ms),
  ...extra,
});

/** An outbox `delete` event. */
export const deleteEvent = (entity: string, entityId: string, ms: number) => ({
  eventUuid: uuid(),
  entity,
  entityId,
  op: 'delete',
  clientUpdatedAt: iso(ms),
});
