/** Liveness: the process answers. No database, so an outage does not get the app restarted. */
export const GET = () => Response.json({ status: 'ok' });

export const dynamic = 'force-dynamic';
