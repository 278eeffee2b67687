import { authRouter } from './routers/auth.ts';
import { syncRouter } from './routers/sync.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  sync: syncRouter,
});

/** The router's type: what `@trpc/client` in the web and mobile apps is typed by. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
