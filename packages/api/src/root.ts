import { authRouter } from './routers/auth.ts';
import { customersRouter } from './routers/customers/_router.ts';
import { debtsRouter } from './routers/debts.ts';
import { deletedRouter } from './routers/deleted.ts';
import { historyRouter } from './routers/history.ts';
import { linksRouter } from './routers/links.ts';
import { paymentsRouter } from './routers/payments.ts';
import { remindersRouter } from './routers/reminders.ts';
import { reportsRouter } from './routers/reports/_router.ts';
import { salesRouter } from './routers/sales.ts';
import { settingsRouter } from './routers/settings.ts';
import { syncRouter } from './routers/sync.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  sync: syncRouter,
  customers: customersRouter,
  debts: debtsRouter,
  payments: paymentsRouter,
  sales: salesRouter,
  reports: reportsRouter,
  settings: settingsRouter,
  history: historyRouter,
  deleted: deletedRouter,
  links: linksRouter,
  reminders: remindersRouter,
});

/** The router's type: what `@trpc/client` in the web and mobile apps is typed by. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
