import { createMetricsHandler } from '@storesync/api';
import { env } from '~/env';

/** Prometheus metrics, for the bearer of METRICS_TOKEN only (404 while it is unset). */
export const GET = createMetricsHandler(env.METRICS_TOKEN);

export const dynamic = 'force-dynamic';
