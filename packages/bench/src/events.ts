import { randomUUID } from 'node:crypto';

/** Outbox events shaped like a phone's: new customers, or field edits of existing ones. */
export const newCustomerEvents = (n: number, prefix = 'c') =>
  Array.from({ length: n }, (_, i) => ({
    eventUuid: randomUUID(),
    entity: 'customers',
    entityId: randomUUID(),
    op: 'upsert',
    payload: { name: `${prefix} customer ${i}`, phone: '+254700000000', note: 'regular, pays on Fridays' },
    clientUpdatedAt: new Date().toISOString(),
  }));

export const editEvents = (ids: string[]) =>
  ids.map((entityId, i) => ({
    eventUuid: randomUUID(),
    entity: 'customers',
    entityId,
    op: 'upsert',
    payload: { phone: `+25470${String(i).padStart(7, '0')}` },
    updatedFields: ['phone'],
    clientUpdatedAt: new Date().toISOString(),
  }));
