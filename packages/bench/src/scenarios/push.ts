import type { SyncApi } from '../clients.ts';
import { editEvents, type NewId, newCustomerEvents, newId } from '../events.ts';
import { rate } from '../stats.ts';

const assertApplied = (results: { status: string }[]) => {
  const bad = results.find((r) => r.status !== 'applied');
  if (bad) throw new Error(`push did not apply: ${JSON.stringify(bad)}`);
};

/** Events/s of pushing `total` new rows in batches of `batch`, their ids made by `id`. */
export async function pushNewRate(
  api: SyncApi,
  total: number,
  batch: number,
  id: NewId = newId,
): Promise<number> {
  const batches = Array.from({ length: Math.ceil(total / batch) }, () => newCustomerEvents(batch, 'c', id));
  return rate(total, async () => {
    for (const events of batches) assertApplied((await api.push(events)).results);
  });
}

/** Events/s of pushing field edits of `total` existing rows (the merge path). */
export async function pushUpdateRate(api: SyncApi, total: number, batch: number): Promise<number> {
  const ids: string[] = [];
  for (let done = 0; done < total; done += batch) {
    const r = await api.push(newCustomerEvents(batch));
    for (const x of r.results) if (x.row) ids.push(x.row.id);
  }
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += batch) batches.push(ids.slice(i, i + batch));
  const edits = batches.map(editEvents);
  return rate(total, async () => {
    for (const events of edits) assertApplied((await api.push(events)).results);
  });
}

/** Fills a store's log to `total` events. */
export async function fillStore(api: SyncApi, total: number): Promise<void> {
  for (let done = 0; done < total; done += 500)
    assertApplied((await api.push(newCustomerEvents(500))).results);
}
