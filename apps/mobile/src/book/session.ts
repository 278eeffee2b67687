import { z } from 'zod';
import { saved } from './saved';

const KEY = 'storesync.session';

/** Who is signed in on this phone: enough to open the book and sync with no network. */
export const SessionSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
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
export const clearSession = () => saved.remove(KEY);
