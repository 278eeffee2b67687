import { createLogger, createRestHandlers, type RestHandlerOptions } from '@storesync/api';
import { apiConfig, env } from '~/env';
import { getWebAuth } from './auth';
import { getDb } from './db';
import { getLive } from './live';

/** What every HTTP door of the API shares: database, configuration, web session, request log. */
export const apiDoors: RestHandlerOptions = {
  getDb,
  getLive,
  config: apiConfig,
  webAuth: getWebAuth,
  logger: createLogger({ level: env.LOG_LEVEL }),
};

/** The plain-HTTP routes (/sync/*, /auth/*), over the same procedures as /api/trpc. */
export const rest = createRestHandlers(apiDoors);
