import { z } from 'zod';
import { saved } from './saved';

const KEY = 'storesync.session';

/** Who is signed in on this phone: enough to open the book and sync with no network. */
export const SessionSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
  /** The book's device id the session was issued to; absent in sessions saved before it was kept. */
  deviceId: z.string().optional(),
});
export type Session = z.infer<typeof SessionSchema>;

/** The saved session, or null when none (or an unreadable one: the owner signs in again). */
export async function loadSession(): Promise<Session | null> {
  const text = await saved.get(KEY);
  if (!text) return null;
  try {
    const parsed = SessionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const saveSession = (session: Session) => saved.set(KEY, JSON.stringify(session));

/**
 * Whether a saved session still belongs to this book. iOS keeps the keychain
 * when the app is deleted, but not its database: a reinstalled app gets a new
 * device id, and the server refuses a session used from another device.
 */
export const sessionFitsBook = (session: Session, deviceId: string) =>
  session.deviceId === undefined || session.deviceId === deviceId;
export const clearSession = () => saved.remove(KEY);
