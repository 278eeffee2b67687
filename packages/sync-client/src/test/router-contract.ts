import type { AppRouter } from '@storesync/api/types';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AuthApi } from '../auth-api.ts';
import type { SyncApi } from '../transport.ts';

type Inputs = inferRouterInputs<AppRouter>['sync'];
type Outputs = inferRouterOutputs<AppRouter>['sync'];
type AuthInputs = inferRouterInputs<AppRouter>['auth'];
type AuthOutputs = inferRouterOutputs<AppRouter>['auth'];
type Assignable<A, B> = [A] extends [B] ? true : false;

/**
 * Compiles only while the server's sync and auth procedures take what
 * `SyncApi` and `AuthApi` send and answer what they expect: the transport is
 * typed by the shared wire types, and this keeps them and the router in step
 * (checked by `pnpm typecheck`).
 */
export const routerAgrees: [
  Assignable<Parameters<SyncApi['push']>[0], Inputs['push']>,
  Assignable<Parameters<SyncApi['pull']>[0], Inputs['pull']>,
  Assignable<Outputs['push'], Awaited<ReturnType<SyncApi['push']>>>,
  Assignable<Outputs['pull'], Awaited<ReturnType<SyncApi['pull']>>>,
  Assignable<Parameters<NonNullable<SyncApi['snapshot']>>[0], Inputs['snapshot']>,
  Assignable<Outputs['snapshot'], Awaited<ReturnType<NonNullable<SyncApi['snapshot']>>>>,
  Assignable<Outputs['digest'], Awaited<ReturnType<NonNullable<SyncApi['digest']>>>>,
  Assignable<Parameters<NonNullable<SyncApi['verified']>>[0], Inputs['verified']>,
  Assignable<Parameters<AuthApi['signIn']>[0], AuthInputs['signIn']>,
  Assignable<Parameters<AuthApi['devSignIn']>[0], AuthInputs['devSignIn']>,
  Assignable<AuthOutputs['signIn'], Awaited<ReturnType<AuthApi['signIn']>>>,
  Assignable<AuthOutputs['devSignIn'], Awaited<ReturnType<AuthApi['devSignIn']>>>,
  Assignable<AuthOutputs['options'], Awaited<ReturnType<AuthApi['options']>>>,
  Assignable<AuthOutputs['me'], Awaited<ReturnType<AuthApi['me']>>>,
  Assignable<AuthOutputs['signOut'], Awaited<ReturnType<AuthApi['signOut']>>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
