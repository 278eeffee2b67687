import { createTRPCUntypedClient, httpLink } from '@trpc/client';
import { SERVER_URL } from '../config';

/** A device of the store as `auth.devices` lists it (the dashboard's devices card shows the same). */
export interface StoreDevice {
  deviceId: string;
  deviceName: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  /** A dashboard browser (`web:` device), named by its User-Agent (`Chrome · Linux`). */
  browser: boolean;
  /** The device asking: this phone. */
  current: boolean;
}

const client = (token: string) =>
  createTRPCUntypedClient({
    links: [
      httpLink({ url: `${SERVER_URL}/api/trpc`, headers: () => ({ authorization: `Bearer ${token}` }) }),
    ],
  });

/** The store's signed-in devices, most recently seen first. */
export const listDevices = (token: string) => client(token).query('auth.devices') as Promise<StoreDevice[]>;

/** Signs a device of the store out: it stops syncing until someone signs in on it again. */
export const revokeDevice = (token: string, deviceId: string) =>
  client(token).mutation('auth.revokeDevice', { deviceId }) as Promise<{ ok: true }>;
