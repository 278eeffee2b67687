import { createTrpcHandler } from '@storesync/api';
import { apiConfig } from '~/env';
import { getWebAuth } from '~/server/auth';
import { getDb } from '~/server/db';

const handler = createTrpcHandler({
  endpoint: '/api/trpc',
  getDb,
  config: apiConfig,
  webAuth: getWebAuth,
  onError: (error, path) => {
    if (error.code === 'INTERNAL_SERVER_ERROR')
      console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
  },
});

export { handler as GET, handler as POST };
