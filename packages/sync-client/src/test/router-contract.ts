import type { AppRouter } from '@storesync/api/types';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { SyncApi } from '../transport.ts';

type Inputs = inferRouterInputs<AppRouter>['sync'];
type Outputs = inferRouterOutputs<AppRouter>['sync'];
type Assignable<A, B> = [A] extends [B] ? true : false;

/**
 * Compiles only while the server's sync procedures take what `SyncApi` sends
 * and answer what it expects: the transport is typed by the shared wire types,
 * and this keeps them and the router in step (checked by `pnpm typecheck`).
 */
export const routerAgrees: [
  Assignable<Parameters<SyncApi['push']>[0], Inputs['push']>,
  Assignable<Parameters<SyncApi['pull']>[0], Inputs['pull']>,
  Assignable<Outputs['push'], Awaited<ReturnType<SyncApi['push']>>>,
  Assignable<Outputs['pull'], Awaited<ReturnType<SyncApi['pull']>>>,
] = [true, true, true, true];
