import { createTrpcAuthApi } from '@storesync/sync-client';
import { TRPCClientError } from '@trpc/client';
import { SERVER_URL } from '../config';
import type { Session } from './session';

/** The server's `auth.*` procedures, on the sync client's transport (wire types from @storesync/schema). */
const auth = (token?: string) =>
  createTrpcAuthApi({ url: `${SERVER_URL}/api/trpc`, getToken: () => token ?? null, timeoutMs: 20_000 });

const toSession = (
  out: { sessionToken: string; expiresAt: string; user: Session['user'] },
  deviceId: string,
): Session => ({ token: out.sessionToken, expiresAt: out.expiresAt, user: out.user, deviceId });

/** Which sign-ins the server offers; rejects when it cannot be reached. */
export const signInOptions = () => auth().options();

/** Dev sign-in, offered only by servers started with `DEV_LOGIN=1`. */
export async function devSignIn(email: string, deviceId: string, deviceName: string): Promise<Session> {
  return toSession(await auth().devSignIn({ email, deviceId, deviceName }), deviceId);
}

/** Google sign-in: the ID token the device got from Google, verified by the server. */
export async function googleSignIn(idToken: string, deviceId: string, deviceName: string): Promise<Session> {
  return toSession(await auth().signIn({ idToken, deviceId, deviceName }), deviceId);
}

/** Revokes the session on the server; offline, the token simply stays unused. */
export async function signOutOnServer(token: string): Promise<void> {
  await auth(token).signOut();
}

/** What to tell the owner when a sign-in fails. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === 'NOT_FOUND' || code === 'FORBIDDEN') return 'This server does not offer demo sign-in.';
    if (code === 'BAD_REQUEST') return 'Check the email address.';
    if (code === 'UNAUTHORIZED') return 'Google did not confirm this account. Try again.';
    if (code === 'TOO_MANY_REQUESTS') return 'Too many sign-ins. Wait a minute and try again.';
    if (!code) return 'Cannot reach the StoreSync server. Check the connection and try again.';
  }
  return error instanceof Error ? error.message : 'Sign-in failed.';
}
