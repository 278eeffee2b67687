import { DevSignInInputSchema, SignInInputSchema } from '@storesync/schema';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { InvalidIdTokenError, verifyGoogleIdToken } from '../auth/google.ts';
import { createSession, revokeSession, upsertUser } from '../auth/sessions.ts';
import { protectedProcedure, publicProcedure } from '../trpc.ts';

export const authRouter = {
  signIn: publicProcedure.input(SignInInputSchema).mutation(async ({ ctx, input }) => {
    const identity = await verifyGoogleIdToken(input.idToken, {
      jwksUrl: ctx.config.googleJwksUrl,
      clientIds: ctx.config.googleClientIds,
      cooldownMs: ctx.config.jwksCooldownMs,
    }).catch((error: unknown) => {
      if (error instanceof InvalidIdTokenError)
        throw new TRPCError({ code: 'UNAUTHORIZED', message: error.message });
      throw error;
    });
    const user = await upsertUser(ctx.db, identity);
    return createSession(ctx.db, user, input, ctx.config.sessionTtlMs);
  }),

  /** Sign-in without Google, for local development only (`DEV_LOGIN=1`). */
  devSignIn: publicProcedure.input(DevSignInInputSchema).mutation(async ({ ctx, input }) => {
    if (!ctx.config.devLogin) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such procedure' });
    const email = input.email.toLowerCase();
    const user = await upsertUser(ctx.db, { sub: `dev:${email}`, email, name: null });
    return createSession(ctx.db, user, input, ctx.config.sessionTtlMs);
  }),

  me: protectedProcedure.query(({ ctx }) => ({ user: ctx.auth.user, deviceId: ctx.auth.deviceId })),

  signOut: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.auth.sessionId) await revokeSession(ctx.db, ctx.auth.sessionId);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
