export { type Db, type DbOptions, type OpenDb, openDb } from './client.ts';
export { Prisma } from './generated/client.ts';
export { applyMigrations, type Migration, migrationStatus, NO_TRANSACTION } from './migrate.ts';
export type { SqlDb, SqlRunner } from './sql.ts';
/** A Prisma client or the client of an interactive transaction. */
export type Tx = import('./generated/client.ts').Prisma.TransactionClient;
export type { ChannelHandlers, Listening, ListenOptions } from './listen.ts';
