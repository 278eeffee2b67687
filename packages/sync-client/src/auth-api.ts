import type { DevSignInInputSchema, PublicUser, SignInInputSchema, SignInOutput } from '@storesync/schema';
import type { z } from 'zod';
import { createTrpcClient, type TransportOptions } from './transport.ts';

export type SignInInput = z.input<typeof SignInInputSchema>;
export type DevSignInInput = z.input<typeof DevSignInInputSchema>;

/** The server's `auth.*` procedures an app calls, typed by the shared wire types. */
export interface AuthApi {
  /** Google sign-in: the ID token the device got from Google, for this device. */
  signIn(input: SignInInput): Promise<SignInOutput>;
  /** Dev sign-in, offered only by servers started with `DEV_LOGIN=1`. */
  devSignIn(input: DevSignInInput): Promise<SignInOutput>;
  /** Which sign-ins the server offers (no session needed). */
  options(): Promise<{ devSignIn: boolean; googleSignIn: boolean }>;
  /** Who the session token belongs to. */
  me(): Promise<{ user: PublicUser; deviceId: string }>;
  /** Revokes the session token on the server. */
  signOut(): Promise<{ ok: true }>;
}

export type AuthApiOptions = Omit<TransportOptions, 'getToken'> & {
  /** The session token for `me` and `signOut`; sign-in needs none. */
  getToken?: TransportOptions['getToken'];
};

/**
 * The server's `auth.*` procedures over HTTP, on the same transport as sync:
 * an app signs in with this and needs no import of the server's router type,
 * which would make its compile load the whole server. Failures are
 * `TRPCClientError`s, sorted by `failureKind`.
 */
export function createTrpcAuthApi(options: AuthApiOptions): AuthApi {
  const client = createTrpcClient({ ...options, getToken: options.getToken ?? (() => null) });
  return {
    signIn: (input) => client.mutation('auth.signIn', input) as Promise<SignInOutput>,
    devSignIn: (input) => client.mutation('auth.devSignIn', input) as Promise<SignInOutput>,
    options: () => client.query('auth.options') as Promise<{ devSignIn: boolean; googleSignIn: boolean }>,
    me: () => client.query('auth.me') as Promise<{ user: PublicUser; deviceId: string }>,
    signOut: () => client.mutation('auth.signOut') as Promise<{ ok: true }>,
  };
}
