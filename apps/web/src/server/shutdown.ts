import { subscribe } from 'node:diagnostics_channel';
import type { Server, ServerResponse } from 'node:http';

/** How long requests in flight may take to finish once the process is told to stop. */
const GRACE_MS = 25_000;

// On globalThis: Next loads this module once for instrumentation and again for route handlers.
const state = globalThis as unknown as { storesyncShuttingDown?: boolean };

/** Whether the process has been told to stop (`/ready` then answers 503). */
export const isShuttingDown = () => state.storesyncShuttingDown === true;

/**
 * On SIGTERM or SIGINT: stop taking requests, end the live streams (`endStreams`: they
 * would never finish by themselves; their clients reconnect to another process), let the
 * requests in flight finish (for up to GRACE_MS), run `close` (the database), exit 0. Replaces `next start`'s own handler,
 * which exits as soon as the server is closed, without closing the database: an
 * embedded PGlite must be closed cleanly or its folder is at risk.
 */
export function stopGracefully(close: () => Promise<void>, endStreams: () => Promise<void>): void {
  // Node publishes every request here, with its server: the only handle on the server
  // that Next gives an app. Counting on the response's `close` covers aborted requests too.
  let server: Server | undefined;
  let inFlight = 0;
  let drained: () => void = () => {};
  subscribe('http.server.request.start', (message) => {
    const { server: from, response } = message as { server: Server; response: ServerResponse };
    server = from;
    inFlight++;
    // A kept-alive connection could otherwise bring more requests while draining.
    if (isShuttingDown()) response.setHeader('connection', 'close');
    response.once('close', () => {
      inFlight--;
      if (inFlight === 0) drained();
    });
  });

  const stop = async (signal: NodeJS.Signals) => {
    if (isShuttingDown()) return;
    state.storesyncShuttingDown = true;
    console.info(`${signal}: finishing ${inFlight} request(s) in flight, then closing the database`);
    server?.close();
    server?.closeIdleConnections();
    await endStreams().catch((error) => console.error('Ending the live streams failed', error));
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        drained = resolve;
        setTimeout(resolve, GRACE_MS).unref();
      });
    }
    try {
      await close();
      process.exit(0);
    } catch (error) {
      console.error('Closing the database failed', error);
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, stop);
  }
}
