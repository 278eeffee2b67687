import { createTrpcHandler } from '@storesync/api';
import { apiConfig } from '~/env';
import { getWebAuth } from '~/server/auth';
import { getDb } from '~/server/db';

// Faults are logged with the request's line (pino, JSON on stdout).
const handler = createTrpcHandler({ endpoint: '/api/trpc', getDb, config: apiConfig, webAuth: getWebAuth });

export { handler as GET, handler as POST };
