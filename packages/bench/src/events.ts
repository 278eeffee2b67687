import { uuidV7 } from '@storesync/schema';

/** Where new ids come from: UUIDv7, as the sync client makes them (a run may ask for random v4, to compare). */
export type NewId = () => string;
export const newId: NewId = () => uuidV7();

/** Outbox events shaped like a phone's: new customers, or field edits of existing ones. */
export const newCustomerEvents = (n: number, prefix = 'c', id: NewId = newId) =>
  Array.from({ length: n }, (_, i) => ({
    eventUuid: id(),
    entity: 'customers',
    entityId: id(),
    op: 'upsert',
    payload: { name: `${prefix} customer ${i}`, phone: '+254700000000', note: 'regular, pays on Fridays' },
    clientUpdatedAt: new Date().toISOString(),
  }));

export const editEvents = (ids: string[]) =>
  ids.map((entityId, i) => ({
    eventUuid: newId(),
    entity: 'customers',
    entityId,
    op: 'upsert',
    payload: { phone: `+25470${String(i).padStart(7, '0')}` },
    updatedFields: ['phone'],
    clientUpdatedAt: new Date().toISOString(),
  }));
