import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './log.ts';
import { createRestHandlers } from './rest.ts';
import { createHarness, type Device, type Harness } from './test/harness.ts';

let h: Harness;
let d: Device;

beforeAll(async () => {
  h = await createHarness('pg', { bodyTimeoutMs: 300 });
  d = await h.device('shape@example.com', 'shape-phone');
});
afterAll(() => h.t.drop());

const bearer = () => ({ authorization: `Bearer ${d.token}` });

/** A body that sends its first bytes, then nothing more for a long while. */
const trickle = (first: string) => {
  let timer: NodeJS.Timeout | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode(first));
      timer = setTimeout(() => c.close(), 30_000);
    },
    cancel: () => clearTimeout(timer),
  });
  return { body, stop: () => clearTimeout(timer) };
};
const streamed = (url: string, body: ReadableStream<Uint8Array>) =>
  new Request(url, {
    method: 'POST',
    headers: { ...bearer(), 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);

describe('batched tRPC calls', () => {
  const batch = (n: number) => {
    const paths = Array.from({ length: n }, () => 'sync.pull').join(',');
    const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { cursor: 0 }]));
    return h.http(`${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: bearer(),
    });
  };

  it('serves up to maxBatchSize calls and refuses more with BAD_REQUEST', async () => {
    expect((await batch(10)).status).toBe(200);
    const res = await batch(150);
    expect(res.status).toBe(400);
    expect((await res.json()).error.data.code).toBe('BAD_REQUEST');
  });
});

describe('a body trickled in slowly', () => {
  it('is cut off at the deadline with TIMEOUT (408), through tRPC and plain HTTP', async () => {
    const started = Date.now();
    const viaTrpc = trickle('{"deviceId":"shape-phone","events":[');
    const res = await h.http('sync.push', {
      method: 'POST',
      headers: { ...bearer(), 'content-type': 'application/json' },
      body: viaTrpc.body,
      duplex: 'half',
    } as RequestInit);
    viaTrpc.stop();
    expect(res.status).toBe(408);
    expect((await res.json()).error.data.code).toBe('TIMEOUT');

    const rest = createRestHandlers({
      getDb: async () => h.t.db,
      config: h.config,
      logger: createLogger({ level: 'silent' }),
    });
    const viaRest = trickle('{"deviceId":"shape-phone","events":[');
    const restRes = await rest.push(streamed('http://x/sync/push', viaRest.body));
    viaRest.stop();
    expect(restRes.status).toBe(408);
    expect((await restRes.json()).error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
