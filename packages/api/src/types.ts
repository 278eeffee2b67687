/**
 * The router's type for clients (the phone app, the sync client): a types-only
 * entry, `@storesync/api/types`, that runs nothing of the server.
 */
export type { AppRouter } from './root.ts';
