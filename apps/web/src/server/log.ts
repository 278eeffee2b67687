import { createLogger } from '@storesync/api';
import { env } from '~/env';

/** The server's JSON-lines log (pino): request lines and what the server does at start. */
export const serverLog = createLogger({ level: env.LOG_LEVEL });
