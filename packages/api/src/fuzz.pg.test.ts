import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestHandlers } from './rest.ts';
import { exampleInput, type ProcedureInfo, procedures, type StoreIds } from './test/examples.ts';
import { signIdToken, type TestKey } from './test/google.ts';
import { createGoogleHarness } from './test/google-harness.ts';
import { type Harness, iso, uuid } from './test/harness.ts';
import {
  NEW_KEY,
  nastyInPlaceOf,
  nastyJson,
  nastyString,
  nastyValue,
  pathsOf,
  Raw,
  toJsonText,
  valueAt,
  withValueAt,
} from './test/nasty.ts';

// Property-based fuzzing of every door in-process: each procedure of the
// router (as GET and POST, any JSON, or a valid input with one field made
// nasty), the plain-HTTP routes, and Google sign-in with nasty claims. No
// input may answer 5xx, and a push with one poison event applies the rest.
let h: Harness;
let rest: ReturnType<typeof createRestHandlers>;
let close: (() => Promise<void>) | undefined;
let key: TestKey;
let token = '';
const DEVICE = 'fuzz-phone';
const ids = {} as StoreIds;
const procs = procedures();
let sent = 0;
let faults = 0;
/** Runs per property: about 1,200 requests, 40 s on a two-core machine busy with other tests. */
const RUNS = { anyJson: 200, batch: 50, perProcedure: 20, push: 150, rest: 150, google: 50 };

// Rate limits would answer 429 long before a run ends; they have their own tests.
const unlimited = { max: Number.MAX_SAFE_INTEGER, windowSeconds: 60 };

const signIn = async () => {
  token = (await (await h.callerWith()).auth.devSignIn({ email: 'fuzz@example.com', deviceId: DEVICE }))
    .sessionToken;
};

beforeAll(async () => {
  ({ h, key, close } = await createGoogleHarness({
    limits: { perSession: unlimited, signInPerAddress: unlimited, signInPerAccount: unlimited },
  }));
  rest = createRestHandlers({ getDb: async () => h.t.db, config: h.config });
  await signIn();
  const api = await h.callerWith({ authorization: `Bearer ${token}` });
  ids.customers = (await api.customers.create({ name: 'Fuzz' })).id;
  ids.debts = (await api.debts.create({ customerId: ids.customers, amount: 100 })).id;
  ids.payments = (await api.payments.create({ customerId: ids.customers, debtId: ids.debts, amount: 1 })).id;
  ids.sales = (
    await api.sales.create({ items: [{ name: 'x', quantity: 1, unitPrice: 5 }], paidAmount: 5 })
  ).id;
});
afterAll(async () => {
  console.log(`fuzz: ${sent} requests sent, ${faults} answered 5xx`);
  await close?.();
});

/** Sends one request and checks it is not a server fault. A revoked session (a fuzzed sign-out) is renewed. */
async function send(door: string, call: (auth: string) => Promise<Response>): Promise<Response> {
  sent += 1;
  const res = await call(`Bearer ${token}`);
  const body = await res.clone().text();
  if (res.status >= 500) faults += 1;
  expect(res.status, `${door} answered ${res.status}: ${body.slice(0, 300)}`).toBeLessThan(500);
  if (res.status === 401) await signIn();
  return res;
}

/**
 * Runs a property and, on failure, throws a short account: fast-check's own
 * would print the 100,000-character strings in full.
 */
async function assertProperty<T>(property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  const out = await fc.check(property, { numRuns });
  if (!out.failed) return;
  const short = JSON.stringify(out.counterexample, (_k, v) =>
    typeof v === 'string' && v.length > 200
      ? `${v.slice(0, 80)}…(${v.length} chars)`
      : v instanceof Raw
        ? v.text
        : v,
  );
  throw new Error(`counterexample ${short} (seed ${out.seed}): ${String(out.errorInstance)}`);
}

/** A procedure called over tRPC's HTTP door with this JSON text as input. */
const callTrpc = (p: ProcedureInfo, method: 'GET' | 'POST', inputText: string | undefined) =>
  send(`${method} ${p.path} ${inputText?.slice(0, 200)}`, (authorization) => {
    const query =
      method === 'GET' && inputText !== undefined ? `?input=${encodeURIComponent(inputText)}` : '';
    return h.http(`${p.path}${query}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      ...(method === 'POST' && { body: inputText ?? '' }),
    });
  });

// Text that is not JSON travels as UTF-8, where a lone surrogate cannot exist.
const utf8 = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s));
const notJson = nastyString.map(utf8);
const procedure = fc.constantFrom(...procs);
/** `example` with one of its values made nasty, or a new key (itself nasty) added. */
const mutated = (example: unknown) =>
  fc.constantFrom(...pathsOf(example)).chain((path) =>
    fc.tuple(nastyInPlaceOf(valueAt(example, path)), nastyString).map(([value, key]) => {
      const at = path.at(-1) === NEW_KEY ? [...path.slice(0, -1), key] : path;
      return withValueAt(example, at, value);
    }),
  );
const method = fc.constantFrom<'GET' | 'POST'>('GET', 'POST');
const natural = (p: ProcedureInfo) => (p.type === 'query' ? 'GET' : 'POST');

describe('fuzzing every door', () => {
  it('answers any JSON (or none, or not JSON) sent to any procedure without a 5xx', async () => {
    const text = fc.oneof(nastyJson.map(toJsonText), notJson, fc.constant(undefined));
    await assertProperty(
      fc.asyncProperty(procedure, method, text, async (p, m, input) => {
        await callTrpc(p, m, input);
      }),
      RUNS.anyJson,
    );
  }, 60_000);

  it('answers batched calls of any procedures with any inputs without a 5xx', async () => {
    const calls = fc.array(fc.tuple(procedure, nastyJson), { minLength: 1, maxLength: 4 });
    await assertProperty(
      fc.asyncProperty(calls, method, async (batch, m) => {
        const paths = batch.map(([p]) => p.path).join(',');
        const input = toJsonText(Object.fromEntries(batch.map(([, v], i) => [i, v])));
        const query = `?batch=1${m === 'GET' ? `&input=${encodeURIComponent(input)}` : ''}`;
        await send(`${m} batch ${paths}`, (authorization) =>
          h.http(`${paths}${query}`, {
            method: m,
            headers: { authorization, 'content-type': 'application/json' },
            ...(m === 'POST' && { body: input }),
          }),
        );
      }),
      RUNS.batch,
    );
  }, 60_000);

  it('answers a valid input with one field made nasty without a 5xx, for every procedure', async () => {
    for (const p of procs) {
      const example = exampleInput(p, ids);
      const paths = pathsOf(example);
      await assertProperty(
        fc.asyncProperty(mutated(example), async (input) => {
          await callTrpc(p, natural(p), toJsonText(input));
        }),
        Math.min(RUNS.perProcedure, 8 * paths.length),
      );
    }
  }, 60_000);

  it('applies the good events of a push whose one event is poison, through both doors', async () => {
    const now = () => iso(Date.now());
    const good = () => ({
      eventUuid: uuid(),
      entity: 'customers',
      entityId: uuid(),
      op: 'upsert',
      payload: { name: 'Good', phone: '+254700000001', note: null },
      clientUpdatedAt: now(),
    });
    const item = { name: 'Rice', quantity: 2, unitPrice: 450 };
    const payloads: Record<string, () => Record<string, unknown>> = {
      customers: () => ({ name: 'Poison', phone: null, note: 'n' }),
      debts: () => ({ customerId: ids.customers, amount: 10, note: 'n', dueDate: '2026-12-31' }),
      payments: () => ({
        customerId: ids.customers,
        debtId: ids.debts,
        amount: 1,
        paidAt: now(),
        note: null,
      }),
      sales: () => ({
        customerId: null,
        items: [item],
        total: 900,
        paidAmount: 900,
        soldAt: now(),
        note: null,
      }),
    };
    const poisoned = fc.constantFrom(...Object.keys(payloads)).chain((entity) => {
      const payload = payloads[entity]?.() ?? {};
      const event = { ...good(), entity, payload, updatedFields: Object.keys(payload) };
      return mutated(event);
    });
    await assertProperty(
      fc.asyncProperty(poisoned, fc.boolean(), async (poison, viaRest) => {
        const body = toJsonText({ deviceId: DEVICE, events: [good(), poison, good()] });
        const res = await send(`push ${body.slice(0, 300)}`, (authorization) => {
          const init = {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/json' },
            body,
          };
          return viaRest
            ? rest.push(new Request('http://localhost/sync/push', init))
            : h.http('sync.push', init);
        });
        expect(res.status).toBe(200);
        const json = await res.json();
        const results = (viaRest ? json : json.result.data).results as { status: string }[];
        expect([results[0]?.status, results[2]?.status]).toEqual(['applied', 'applied']);
      }),
      RUNS.push,
    );
  }, 60_000);

  it('answers any method, body, query and token at every plain-HTTP door without a 5xx', async () => {
    const doors = Object.entries(rest);
    const bearer = fc.oneof(
      fc.constant(undefined),
      fc.constant('current'),
      fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)) }),
    );
    const query = fc.dictionary(fc.constantFrom('cursor', 'limit', 'x'), notJson, { maxKeys: 3 });
    const body = fc.oneof(nastyJson.map(toJsonText), notJson);
    await assertProperty(
      fc.asyncProperty(
        fc.constantFrom(...doors),
        method,
        bearer,
        query,
        body,
        async ([name, handler], m, b, q, text) => {
          const url = `http://localhost/${name}?${new URLSearchParams(q)}`;
          await send(`${m} ${name} ${text.slice(0, 200)}`, (current) => {
            const authorization = b === 'current' ? current : b === undefined ? undefined : `Bearer ${b}`;
            const headers = { 'content-type': 'application/json', ...(authorization && { authorization }) };
            return handler(new Request(url, { method: m, headers, ...(m === 'POST' && { body: text }) }));
          });
        },
      ),
      RUNS.rest,
    );
  }, 60_000);

  it('answers Google sign-in with a signed ID token carrying nasty claims without a 5xx', async () => {
    // A JWT is JSON: a number token that overflows arrives as the number it parses to.
    const claim = nastyValue.map((v) => (v instanceof Raw ? Number(v.text) : v));
    const claims = fc.record({ sub: claim, email: claim, name: claim });
    await assertProperty(
      fc.asyncProperty(claims, nastyValue, fc.boolean(), async (c, deviceName, viaRest) => {
        const idToken = await signIdToken(key, c as Record<string, string>);
        const body = toJsonText({ idToken, deviceId: 'fuzz-google', deviceName });
        await send(`google sign-in ${JSON.stringify(c).slice(0, 300)}`, () => {
          const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
          return viaRest
            ? rest.googleSignIn(new Request('http://localhost/auth/google', init))
            : h.http('auth.signIn', init);
        });
      }),
      RUNS.google,
    );
  }, 60_000);
});
