import { DeviceIdSchema, DevSignInInputSchema, SignInInputSchema } from '@storesync/schema';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { listDevices, revokeAllDevices, revokeDevice } from '../auth/devices.ts';
import { InvalidIdTokenError, verifyGoogleIdToken } from '../auth/google.ts';
import { createSession, revokeSession, upsertUser } from '../auth/sessions.ts';
import type { Context } from '../context.ts';
import { hitLimit, sweepLimits } from '../limits/limiter.ts';
import { protectedProcedure, publicProcedure } from '../trpc.ts';

/** Sign-ins are limited per client address before any work, and per account once it is known. */
async function limitSignIn(ctx: Context, account: string | null): Promise<void> {
  const { signInPerAddress, signInPerAccount } = ctx.config.limits;
  if (account !== null) return hitLimit(ctx.db.sql, `signin:account:${account}`, signInPerAccount);
  // Sign-in is rare: a fine moment to forget old windows.
  await sweepLimits(ctx.db.sql);
  if (ctx.clientAddress) await hitLimit(ctx.db.sql, `signin:address:${ctx.clientAddress}`, signInPerAddress);
}

const sessionOptions = (ctx: Context) => ({
  ttlMs: ctx.config.sessionTtlMs,
  maxSessions: ctx.config.maxSessionsPerAccount,
});

export const authRouter = {
  /** What this server offers at sign-in, so an app shows only the ways that work. Public, cheap. */
  options: publicProcedure.query(({ ctx }) => ({
    devSignIn: ctx.config.devLogin,
    googleSignIn: ctx.config.googleClientIds.length > 0,
  })),

  signIn: publicProcedure.input(SignInInputSchema).mutation(async ({ ctx, input }) => {
    await limitSignIn(ctx, null);
    const identity = await verifyGoogleIdToken(input.idToken, {
      jwksUrl: ctx.config.googleJwksUrl,
      clientIds: ctx.config.googleClientIds,
      cooldownMs: ctx.config.jwksCooldownMs,
    }).catch((error: unknown) => {
      if (error instanceof InvalidIdTokenError)
        throw new TRPCError({ code: 'UNAUTHORIZED', message: error.message });
      throw error;
    });
    await limitSignIn(ctx, identity.sub);
    const user = await upsertUser(ctx.db, identity);
    return createSession(ctx.db, user, input, sessionOptions(ctx));
  }),

  /** Sign-in without Google, for local development only (`DEV_LOGIN=1`). */
  devSignIn: publicProcedure.input(DevSignInInputSchema).mutation(async ({ ctx, input }) => {
    if (!ctx.config.devLogin) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such procedure' });
    await limitSignIn(ctx, null);
    const email = input.email.toLowerCase();
    await limitSignIn(ctx, `dev:${email}`);
    const user = await upsertUser(ctx.db, { sub: `dev:${email}`, email, name: null });
    return createSession(ctx.db, user, input, sessionOptions(ctx));
  }),

  me: protectedProcedure.query(({ ctx }) => ({ user: ctx.auth.user, deviceId: ctx.auth.deviceId })),

  signOut: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.auth.sessionId) await revokeSession(ctx.db, ctx.auth.sessionId);
    return { ok: true as const };
  }),

  /** The store's signed-in devices and dashboard browsers (name, last seen), for the dashboard's settings. */
  devices: protectedProcedure.query(({ ctx }) => listDevices(ctx.db, ctx.auth.user.id, ctx.auth.deviceId)),

  /** Signs one of the store's devices out; another store's device is `NOT_FOUND`, as an unknown one. */
  revokeDevice: protectedProcedure
    .input(z.object({ deviceId: DeviceIdSchema }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await revokeDevice(ctx.db, ctx.auth.user.id, input.deviceId);
      if (revoked === 0) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such device' });
      return { ok: true as const };
    }),

  /** Signs every device and dashboard browser of the store out, the caller's own session too. */
  signOutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    const signedOut = await revokeAllDevices(ctx.db, ctx.auth.user.id);
    return { ok: true as const, signedOut };
  }),
} satisfies TRPCRouterRecord;
