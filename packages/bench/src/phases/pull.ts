import { pullQueryRate } from '../ceilings/pull-query.ts';
import { type Bench, config, type Device, fmt, log, logRound } from '../context.ts';
import { pullRate } from '../scenarios/pull.ts';
import { fillStore } from '../scenarios/push.ts';
import { settle } from '../settle.ts';
import { interleave } from '../stats.ts';

/** The store the pull figures (and first sync) read: `config.pullEvents` rows, pushed in batches of 500. */
export async function fillReadStore(b: Bench): Promise<{ writer: Device; userId: string }> {
  const writer = await b.device(false);
  log(`filling a store with ${fmt(config.pullEvents)} events`);
  await fillStore(writer, config.pullEvents);
  await settle(b.url);
  const [session] = await b.db.sql.query<{ user_id: string }>(
    'SELECT user_id::text FROM sessions WHERE device_id = $1',
    [writer.deviceId],
  );
  if (!session) throw new Error('the writer has no session');
  return { writer, userId: session.user_id };
}

/**
 * Events/s of paging the whole store from cursor 0, 1,000 at a time: the
 * page query on its own (the ceiling), then over HTTP with gzip, without it,
 * and in-process, round after round.
 */
export async function pullPhase(b: Bench, store: { writer: Device; userId: string }) {
  const gzip = await b.device(true, { email: store.writer.email });
  const plain = await b.device(true, { email: store.writer.email, compressed: false });
  const inProcess = await b.device(false, { email: store.writer.email });
  const pulled = async (d: Device) => {
    const r = await pullRate(d, 1000);
    if (r.events !== config.pullEvents) throw new Error(`pulled ${r.events} of ${config.pullEvents} events`);
    return r.rate;
  };
  return interleave(
    config.runs,
    {
      query: () => pullQueryRate(b.url, store.userId, 1000),
      httpGzip: () => pulled(gzip),
      query2: () => pullQueryRate(b.url, store.userId, 1000),
      httpPlain: () => pulled(plain),
      inProcess: () => pulled(inProcess),
    },
    { onRound: logRound('pull') },
  );
}
