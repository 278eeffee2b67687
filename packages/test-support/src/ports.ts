import { createServer } from 'node:net';

/**
 * A port nobody listens on at 127.0.0.1, for a test's own server, and not one of `taken`, which
 * it joins. Chosen outside the ephemeral range that outgoing connections use (32768–60999 on
 * Linux), so no client socket of the machine takes it between this check and the server's
 * start, which may be seconds later (a PostgreSQL cluster, a child process).
 */
export async function freePort(taken = new Set<number>()): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
}
