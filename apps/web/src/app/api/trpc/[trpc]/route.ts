import { createTrpcHandler } from '@storesync/api';
import { apiDoors } from '~/server/rest';

const handler = createTrpcHandler({ endpoint: '/api/trpc', ...apiDoors });

export { handler as GET, handler as POST };
