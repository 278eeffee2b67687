import { randomUUID } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import {
  createCaller,
  createContext,
  createLogger,
  createTrpcHandler,
  defaultApiConfig,
} from '@storesync/api';
import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORS_HEADERS } from './cors';
import { API_HEADERS, HSTS } from './security-headers';
import { createSyncDoor } from './sync-door';

// The door in front of a stand-in for Next.js, which answers 418 to whatever the door leaves.
let t: TestDb;
let server: Server;
let base: string;
let token: string;
let userId: string;
const config = defaultApiConfig({ devLogin: true, maxBodyBytes: 64 * 1024 });
const logger = createLogger({ level: 'silent' });

beforeAll(async () => {
  t = await createTestDatabase();
  const door = createSyncDoor({ getDb: async () => t.db, config, logger }, 1);
  server = createServer((req, res) => {
    if (door(req, res)) return;
    res.writeHead(418).end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const anon = createCaller(await createContext({ db: t.db, config, headers: new Headers() }));
  const session = await anon.auth.devSignIn({ email: 'door@example.com', deviceId: 'phone-1' });
  token = session.sessionToken;
  userId = session.user.id;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.drop();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request (no client decoding anything), so the test sees the bytes on the wire. */
const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
  new Promise<Answer>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });

const bearer = () => ({ authorization: `Bearer ${token}` });
const json = { 'content-type': 'application/json' };
const customer = (name: string) => ({
  eventUuid: randomUUID(),
  entity: 'customers',
  entityId: randomUUID(),
  op: 'upsert',
  payload: { name },
  clientUpdatedAt: new Date().toISOString(),
});
const countCustomers = async () =>
  Number(
    (
      await t.db.sql.query<{ n: string }>('SELECT count(*) AS n FROM customers WHERE user_id = $1', [userId])
    )[0]?.n,
  );

describe('the sync door', () => {
  it('pushes over tRPC and plain HTTP, and pulls back what was pushed', async () => {
    const viaTrpc = await send(
      'POST',
      '/api/trpc/sync.push',
      { ...bearer(), ...json },
      JSON.stringify({ deviceId: 'phone-1', events: [customer('Amina')] }),
    );
    expect(viaTrpc.status).toBe(200);
    expect(JSON.parse(viaTrpc.body).result.data.results[0].status).toBe('applied');
    const viaRest = await send(
      'POST',
      '/sync/push',
      { ...bearer(), ...json },
      JSON.stringify({ deviceId: 'phone-1', events: [customer('Baraka')] }),
    );
    expect(viaRest.status).toBe(200);
    expect(JSON.parse(viaRest.body).results[0].status).toBe('applied');

    const input = encodeURIComponent(JSON.stringify({ cursor: 0 }));
    const trpcPull = await send('GET', `/api/trpc/sync.pull?input=${input}`, bearer());
    const restPull = await send('GET', '/sync/pull?cursor=0', bearer());
    const names = (events: { row: { name: string } }[]) => events.map((e) => e.row.name);
    expect(names(JSON.parse(trpcPull.body).result.data.events)).toEqual(['Amina', 'Baraka']);
    expect(JSON.parse(restPull.body)).toEqual(JSON.parse(trpcPull.body).result.data);
  });

  it('answers exactly as the tRPC fetch handler behind Next.js does', async () => {
    const handler = createTrpcHandler({ endpoint: '/api/trpc', getDb: async () => t.db, config, logger });
    const input = encodeURIComponent(JSON.stringify({ cursor: 0, limit: 1 }));
    const path = `/api/trpc/sync.pull?input=${input}`;
    const fromDoor = await send('GET', path, bearer());
    const direct = await handler(new Request(`${base}${path}`, { headers: bearer() }));
    expect(fromDoor.status).toBe(direct.status);
    expect(fromDoor.body).toBe(await direct.text());
    expect(fromDoor.headers['content-type']).toBe(direct.headers.get('content-type'));
  });

  it("sends next.config.ts's CORS headers, so the phone app's web build can read its answers", async () => {
    const answer = await send('GET', '/sync/pull?cursor=0', bearer());
    for (const { key, value } of CORS_HEADERS) expect(answer.headers[key.toLowerCase()]).toBe(value);
  });

  it('sends the API’s security headers, and HSTS only when a trusted proxy says HTTPS', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const plain = await send('GET', '/sync/pull?cursor=0', bearer());
    for (const { key, value } of API_HEADERS) expect(plain.headers[key.toLowerCase()]).toBe(value);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // No proxy configured (0 hops): the header is the client's word.
    expect((await send('GET', '/sync/pull?cursor=0', { ...bearer(), ...https })).headers).not.toHaveProperty(
      'strict-transport-security',
    );
    const behindProxy = createSyncDoor(
      { getDb: async () => t.db, config: { ...config, trustedProxyHops: 1 }, logger },
      1,
    );
    const proxied = createServer((req, res) => {
      if (!behindProxy(req, res)) res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => proxied.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}/sync/pull?cursor=0`;
      expect(
        (await fetch(url, { headers: { ...bearer(), ...https } })).headers.get('strict-transport-security'),
      ).toBe(HSTS.value);
      expect((await fetch(url, { headers: bearer() })).headers.get('strict-transport-security')).toBeNull();
    } finally {
      proxied.close();
    }
  });

  it('gzips an answer of 1 KiB or more when asked to, and only then', async () => {
    const events = Array.from({ length: 20 }, (_, i) => customer(`Customer number ${i}`));
    await send(
      'POST',
      '/sync/push',
      { ...bearer(), ...json },
      JSON.stringify({ deviceId: 'phone-1', events }),
    );
    const gz = await send('GET', '/sync/pull?cursor=0', { ...bearer(), 'accept-encoding': 'gzip, deflate' });
    const plain = await send('GET', '/sync/pull?cursor=0', { ...bearer(), 'accept-encoding': 'identity' });
    const refused = await send('GET', '/sync/pull?cursor=0', { ...bearer(), 'accept-encoding': 'gzip;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(Number(gz.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.body));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(gz.body).toBe(plain.body);
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(plain.body));
    const small = await send('GET', '/sync/pull?cursor=1000000', { ...bearer(), 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('refuses bad input with the API error and changes nothing', async () => {
    const before = await countCustomers();
    const badJson = await send('POST', '/sync/push', { ...bearer(), ...json }, '{"deviceId":');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.code).toBe('BAD_REQUEST');
    const tooLarge = await send(
      'POST',
      '/api/trpc/sync.push',
      { ...bearer(), ...json },
      JSON.stringify({ deviceId: 'phone-1', events: [customer('x'.repeat(70 * 1024))] }),
    );
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body).error.data.code).toBe('PAYLOAD_TOO_LARGE');
    const stranger = await send(
      'POST',
      '/sync/push',
      { authorization: 'Bearer not-a-session', ...json },
      JSON.stringify({ deviceId: 'phone-1', events: [customer('Intruder')] }),
    );
    expect(stranger.status).toBe(401);
    expect(await countCustomers()).toBe(before);
  });

  it('leaves every other request to Next.js', async () => {
    // No bearer token: the dashboard's cookie session is Next.js's to read.
    expect((await send('GET', '/sync/pull?cursor=0', {})).status).toBe(418);
    expect((await send('GET', '/api/trpc/sync.pull', { cookie: 'next-auth.session-token=x' })).status).toBe(
      418,
    );
    // Other procedures and routes, other methods, the live stream.
    expect((await send('GET', '/api/trpc/customers.list', bearer())).status).toBe(418);
    expect((await send('GET', '/api/trpc/sync.live', bearer())).status).toBe(418);
    expect((await send('GET', '/sync/push', bearer())).status).toBe(418);
    expect((await send('OPTIONS', '/sync/push', bearer())).status).toBe(418);
    expect((await send('GET', '/sync/pulls', bearer())).status).toBe(418);
  });
});
