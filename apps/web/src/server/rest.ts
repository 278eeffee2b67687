import { createRestHandlers, type RestHandlerOptions } from '@storesync/api';
import { apiConfig } from '~/env';
import { getWebAuth } from './auth';
import { getDb } from './db';
import { getLive } from './live';
import { serverLog } from './log';

/** What every HTTP door of the API shares: database, configuration, web session, request log. */
export const apiDoors: RestHandlerOptions = {
  getDb,
  getLive,
  config: apiConfig,
  webAuth: getWebAuth,
  logger: serverLog,
};

/** The plain-HTTP routes (/sync/*, /auth/*), over the same procedures as /api/trpc. */
export const rest = createRestHandlers(apiDoors);
