import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import { newKey, serveJwks, signIdToken } from '@storesync/api/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NextServer, startNextServer } from './test/next-server';

// The plain-HTTP door, from outside TypeScript: a Python client with only the
// standard library, and the OpenAPI document checked against real responses.
let server: NextServer;
let jwks: Awaited<ReturnType<typeof serveJwks>>;
let key: Awaited<ReturnType<typeof newKey>>;

beforeAll(async () => {
  key = await newKey();
  jwks = await serveJwks([key]);
  server = await startNextServer({
    GOOGLE_JWKS_URL: jwks.url,
    GOOGLE_CLIENT_IDS: 'web-client,android-client',
  });
});
afterAll(async () => {
  server?.stop();
  await jwks?.close();
});

describe('plain HTTP endpoints', () => {
  it('serve a Python client: sign-in, push with rejected and duplicate results, pull, sign-out', async () => {
    const idToken = await signIdToken(key, { sub: 'python-sub', aud: 'android-client' });
    const script = fileURLToPath(new URL('./test/python_client.py', import.meta.url));
    // Asynchronously: this process also serves the JWKS the server fetches.
    const run = await promisify(execFile)('python3', [script, server.base, idToken], {
      timeout: 60_000,
    }).catch((error: { stdout: string; stderr: string }) => error);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/python client: \d+ passed, 0 failed/);
  });

  it('publish a valid OpenAPI 3.1 document whose schemas accept real responses', async () => {
    const doc = await (await fetch(`${server.base}/openapi.json`)).json();
    const validation = await new Validator().validate(doc);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/sync/push', '/sync/pull', '/auth/google', '/auth/me', '/auth/sign-out']),
    );

    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'doc', components: doc.components });
    const accepts = (id: string, value: unknown) => {
      const validate = ajv.getSchema(`doc#/components/schemas/${id}`);
      if (!validate) throw new Error(`no schema ${id}`);
      return validate(value) ? [] : validate.errors;
    };
    const json = { 'content-type': 'application/json' };
    const signIn = await fetch(`${server.base}/auth/dev-sign-in`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'openapi@example.com', deviceId: 'oa-1' }),
    }).then((r) => r.json());
    expect(accepts('SignInOutput', signIn)).toEqual([]);
    const auth = { ...json, authorization: `Bearer ${signIn.sessionToken}` };
    const customerId = crypto.randomUUID();
    const at = new Date().toISOString();
    const pushBody = {
      deviceId: 'oa-1',
      events: [
        {
          eventUuid: crypto.randomUUID(),
          entity: 'customers',
          entityId: customerId,
          op: 'upsert',
          payload: { name: 'Oa' },
          clientUpdatedAt: at,
        },
        {
          eventUuid: crypto.randomUUID(),
          entity: 'sales',
          entityId: crypto.randomUUID(),
          op: 'upsert',
          payload: {
            customerId,
            items: [{ name: 'Tea', quantity: 2, unitPrice: 50 }],
            total: 100,
            paidAmount: 100,
            soldAt: at,
          },
          clientUpdatedAt: at,
        },
        {
          eventUuid: crypto.randomUUID(),
          entity: 'debts',
          entityId: crypto.randomUUID(),
          op: 'delete',
          clientUpdatedAt: at,
        },
      ],
    };
    expect(accepts('PushInput', pushBody)).toEqual([]);
    const pushed = await fetch(`${server.base}/sync/push`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(pushBody),
    }).then((r) => r.json());
    expect(pushed.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'rejected',
    ]);
    expect(accepts('PushOutput', pushed)).toEqual([]);
    const pulled = await fetch(`${server.base}/sync/pull?cursor=0`, { headers: auth }).then((r) => r.json());
    expect(pulled.events).toHaveLength(2);
    expect(accepts('PullOutput', pulled)).toEqual([]);
    expect(
      accepts('Me', await fetch(`${server.base}/auth/me`, { headers: auth }).then((r) => r.json())),
    ).toEqual([]);
    const error = await fetch(`${server.base}/sync/pull?cursor=-1`, { headers: auth });
    expect(error.status).toBe(400);
    expect(accepts('Error', await error.json())).toEqual([]);
    // The schemas have teeth: a wrong shape is refused.
    expect(accepts('PullOutput', { events: [], cursor: '1', hasMore: false })).not.toEqual([]);
  });
});
