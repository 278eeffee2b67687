import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTrpcHandler, defaultApiConfig } from '@storesync/api';
import { type OpenDb, openDb } from '@storesync/db';
import { createTestDatabase, type TestDb } from '@storesync/db/testing';

/** The real server (tRPC handler on PostgreSQL) behind node:http on 127.0.0.1, restartable. */
export interface TestServer {
  /** The tRPC endpoint, stable across restarts. */
  url: string;
  /** A connection of the test's own, for assertions; not closed by restarts. */
  admin: TestDb;
  /** Stops the HTTP server and closes the server's database, then starts both again. */
  restart(): Promise<void>;
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
  const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody && { body: Buffer.concat(chunks) }),
  });
  const response = await handler()(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
};

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

export async function startTestServer(): Promise<TestServer> {
  const admin = await createTestDatabase();
  const config = defaultApiConfig({ devLogin: true });
  let db: OpenDb = await openDb({ databaseUrl: admin.url });
  let handler = createTrpcHandler({ endpoint: '/api/trpc', getDb: async () => db.db, config });
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
      await db.close();
      db = await openDb({ databaseUrl: admin.url });
      handler = createTrpcHandler({ endpoint: '/api/trpc', getDb: async () => db.db, config });
      http = createServer(serve(() => handler));
      http.keepAliveTimeout = 0;
      await listen(http, port);
    },
    async signIn(email, deviceId) {
      const res = await fetch(`${url}/auth.devSignIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, deviceId }),
      });
      const body = (await res.json()) as { result: { data: { sessionToken: string; user: { id: string } } } };
      return { token: body.result.data.sessionToken, userId: body.result.data.user.id };
    },
    async stop() {
      await stopHttp();
      await db.close();
      await admin.drop();
    },
  };
}
