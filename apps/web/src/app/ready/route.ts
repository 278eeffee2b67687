import { notReadyReason } from '~/server/readiness';

/** Readiness: the database answers and has every migration applied; 503 otherwise. */
export async function GET(): Promise<Response> {
  const reason = await notReadyReason();
  if (reason === undefined) return Response.json({ status: 'ready' });
  return Response.json({ status: 'unavailable', reason }, { status: 503, headers: { 'retry-after': '5' } });
}

export const dynamic = 'force-dynamic';
