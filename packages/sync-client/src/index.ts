export {
  type AuthApi,
  type AuthApiOptions,
  createTrpcAuthApi,
  type DevSignInInput,
  type SignInInput,
} from './auth-api.ts';
export { createSyncClient, type SyncClient, type SyncClientOptions } from './client.ts';
export { type FailureKind, failureKind, retryAfterMs } from './errors.ts';
export { type FailedChange, FailedChangeNotFoundError } from './failed.ts';
export type * from './queries/types.ts';
export { type CreateInput, type Repository, RowNotFoundError, type UpdateInput } from './repositories.ts';
export type { Row } from './rows.ts';
export { type Connectivity, RetryLaterError } from './runner.ts';
export type { SettingsRepository } from './settings.ts';
export type { CatchUp, StatusSource, SyncState, SyncStatus } from './status.ts';
export { createMemoryStore } from './storage/memory.ts';
export type { SqlDriver, SqlValue } from './storage/sql-driver.ts';
export { createSqlStore } from './storage/sql-store.ts';
export type * from './storage/types.ts';
export {
  createTrpcSyncApi,
  type FetchEventSourceLike,
  type FetchLike,
  fetchEventSource,
  type LiveHandlers,
  type OpenEventSource,
  type SyncApi,
  type TransportOptions,
} from './transport.ts';
