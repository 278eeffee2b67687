import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from './ports.ts';

describe('freePort', () => {
  it('gives a port outside the ephemeral range that can be listened on, never one already taken', async () => {
    const taken = new Set<number>();
    const ports = [await freePort(taken), await freePort(taken), await freePort(taken)];
    expect(new Set(ports).size).toBe(3);
    expect([...taken].sort()).toEqual([...ports].sort());
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(30_000);
    }
    const first = ports[0] ?? 0;
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(first, '127.0.0.1', resolve));
    server.close();
  });
});
