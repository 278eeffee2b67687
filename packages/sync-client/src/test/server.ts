import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  type ApiConfig,
  createTrpcHandler,
  defaultApiConfig,
  type PokeHub,
  startPokeHub,
} from '@storesync/api';
import { type DbOptions, type OpenDb, openDb } from '@storesync/db';
import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import { devSignIn } from './server-device.ts';

/** The real server (tRPC handler and live hub on PostgreSQL) behind node:http on 127.0.0.1, restartable. */
export interface TestServer {
  /** The tRPC endpoint, stable across restarts. */
  url: string;
  /** A connection of the test's own, for assertions; not closed by restarts. */
  admin: TestDb;
  /** Stops the HTTP server and closes the server's database, then starts both again. */
  restart(): Promise<void>;
  /** The server's live subscriptions (started with the server). */
  hub(): PokeHub;
  /** `auth.devSignIn` over HTTP. */
  signIn(email: string, deviceId: string): Promise<{ token: string; userId: string }>;
  stop(): Promise<void>;
}

type Handler = (req: Request) => Promise<Response>;

/** Adapts node's request/response to the fetch handler the API exports. */
const serve = (handler: () => Handler) => async (req: IncomingMessage, res: ServerResponse) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  // A client gone ends the request: a live subscription stops with it.
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    signal: controller.signal,
    ...(hasBody && { body: Buffer.concat(chunks) }),
  });
  const response = await handler()(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  // Streamed, not buffered: a live subscription's answer never ends by itself.
  if (response.body) Readable.fromWeb(response.body as NodeReadableStream).pipe(res);
  else res.end();
};

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

/**
 * Starts a server on a database of its own, or, given `database`, a second
 * server (as a second app process would be) on that one; `dbOptions` say how
 * it connects (by default straight to `database`); `config` overrides the API's defaults.
 */
export async function startTestServer(
  options: { database?: TestDb; dbOptions?: DbOptions; config?: Partial<ApiConfig> } = {},
): Promise<TestServer> {
  const admin = options.database ?? (await createTestDatabase());
  const config = defaultApiConfig({ devLogin: true, ...options.config });
  // How the server reaches the database: directly by default, or e.g. through PgBouncer.
  const dbOptions = options.dbOptions ?? { databaseUrl: admin.url };
  let db: OpenDb = await openDb(dbOptions);
  let hub = await startPokeHub(db.listen);
  const handlerOn = (open: OpenDb, live: PokeHub) =>
    createTrpcHandler({
      endpoint: '/api/trpc',
      getDb: async () => open.db,
      getLive: async () => live,
      config,
    });
  let handler = handlerOn(db, hub);
  let http = createServer(serve(() => handler));
  // No idle timeout: the server never closes a kept-alive socket under a client about to reuse it.
  http.keepAliveTimeout = 0;
  const port = await listen(http, 0);
  const url = `http://127.0.0.1:${port}/api/trpc`;

  const stopHttp = () =>
    new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections();
    });

  return {
    url,
    admin,
    async restart() {
      await stopHttp();
      await hub.close();
      await db.close();
      db = await openDb(dbOptions);
      hub = await startPokeHub(db.listen);
      handler = handlerOn(db, hub);
      http = createServer(serve(() => handler));
      http.keepAliveTimeout = 0;
      await listen(http, port);
    },
    hub: () => hub,
    signIn: (email, deviceId) => devSignIn(url, email, deviceId),
    async stop() {
      await hub.close();
      await stopHttp();
      await db.close();
      if (!options.database) await admin.drop();
    },
  };
}
