import type { PulledEvent } from '@storesync/schema';
import { expect } from 'vitest';
import { createContextInner } from '../context.ts';
import { createCaller } from '../root.ts';
import type { Device, Harness } from './harness.ts';

/** One store as the router tests see it: the dashboard's caller and a phone of the same store. */
export interface WebStore {
  userId: string;
  /** The dashboard, as a web session's device `web:test`. */
  web: ReturnType<typeof createCaller>;
  phone: Device;
  /** Runs one write and checks it made exactly one `sync_events` row that the phone pulls. */
  expectOneEvent<T>(write: () => Promise<T>): Promise<{ result: T; event: PulledEvent }>;
}

export const WEB_DEVICE = 'web:test';

export async function createWebStore(h: Harness, email: string): Promise<WebStore> {
  const phone = await h.device(email, `phone-${email}`);
  const web = createCaller(
    createContextInner({
      db: h.t.db,
      config: h.config,
      auth: { user: { id: phone.userId, email, name: null }, deviceId: WEB_DEVICE, sessionId: null },
    }),
  );
  let cursor = (await phone.api.sync.pull({ cursor: 0, limit: 1000 })).cursor;
  const countEvents = () => h.t.db.syncEvent.count({ where: { userId: phone.userId } });
  return {
    userId: phone.userId,
    web,
    phone,
    async expectOneEvent(write) {
      // Catch up first, so that only this write's events are counted.
      cursor = (await phone.api.sync.pull({ cursor, limit: 1000 })).cursor;
      const before = await countEvents();
      const result = await write();
      expect(await countEvents()).toBe(before + 1);
      const pulled = await phone.api.sync.pull({ cursor, limit: 1000 });
      cursor = pulled.cursor;
      expect(pulled.events).toHaveLength(1);
      const [event] = pulled.events;
      if (!event) throw new Error('no event pulled');
      expect(event.deviceId).toBe(WEB_DEVICE);
      return { result, event };
    },
  };
}
