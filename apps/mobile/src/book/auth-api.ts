import type { T } from '@storesync/i18n';
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

/** What to tell the owner when a sign-in fails, in the app's language. */
export function signInErrorMessage(t: T, error: unknown): string {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === 'NOT_FOUND' || code === 'FORBIDDEN') return t('signIn.failed.noDemo');
    if (code === 'BAD_REQUEST') return t('signIn.failed.checkEmail');
    if (code === 'UNAUTHORIZED') return t('signIn.failed.googleRefused');
    if (code === 'TOO_MANY_REQUESTS') return t('signIn.failed.tooMany');
    if (!code) return t('signIn.failed.unreachable');
  }
  return error instanceof Error ? error.message : t('signIn.failed.other');
}
