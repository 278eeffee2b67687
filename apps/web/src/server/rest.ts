import { createRestHandlers } from '@storesync/api';
import { apiConfig } from '~/env';
import { getWebAuth } from './auth';
import { getDb } from './db';

/** The plain-HTTP routes (/sync/*, /auth/*), over the same procedures as /api/trpc; one log line per request. */
export const rest = createRestHandlers({ getDb, config: apiConfig, webAuth: getWebAuth });
