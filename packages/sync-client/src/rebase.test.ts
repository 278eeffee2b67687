import type { EntityRow } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { applyChange, changedFields, rebase } from './rebase.ts';
import type { OutboxItem } from './storage/types.ts';
import { serverRow } from './test/fake-api.ts';

const ID = '11111111-1111-4111-8111-111111111111';
let seq = 0;
const item = (
  op: OutboxItem['op'],
  at: string,
  payload: Record<string, unknown> | null = null,
): OutboxItem => ({
  id: ++seq,
  userId: 'u',
  deviceId: 'phone',
  entity: 'customers',
  entityId: ID,
  op,
  payload,
  updatedFields: payload && Object.keys(payload),
  clientUpdatedAt: at,
  eventUuid: `e${seq}`,
  status: 'pending',
  retryCount: 0,
  lastError: null,
});
const amina = (rowVersion = 1, extra: Partial<EntityRow> = {}) =>
  serverRow(ID, { name: 'Amina', phone: '0700', note: null, language: null, ...extra }, rowVersion);

describe('changedFields', () => {
  it('reads the fields as the server does: named fields, cleared when absent, unknown ones dropped', () => {
    const i = item('upsert', 't', { name: 'A', colour: 'red' });
    expect(changedFields('customers', { ...i, updatedFields: ['name', 'phone', 'colour'] })).toEqual({
      name: 'A',
      phone: null,
    });
    expect(changedFields('customers', { ...i, updatedFields: null })).toEqual({ name: 'A' });
  });
});

describe('applyChange', () => {
  it('creates a row from a complete upsert, and shows nothing for a partial one on no row', () => {
    const create = item('upsert', '2030-01-01T00:00:00.000Z', {
      name: 'New',
      phone: null,
      note: null,
      language: null,
    });
    expect(applyChange('customers', null, create)).toMatchObject({ id: ID, name: 'New', rowVersion: 0 });
    expect(applyChange('customers', null, item('upsert', 't', { phone: '1' }))).toBeNull();
  });

  it('tombstones on delete and revives only with an upsert later than the delete', () => {
    const deleted = applyChange('customers', amina(), item('delete', '2030-01-01T00:00:10.000Z'));
    expect(deleted?.deletedAt).toBe('2030-01-01T00:00:10.000Z');
    const older = applyChange(
      'customers',
      deleted,
      item('upsert', '2030-01-01T00:00:05.000Z', { note: 'x' }),
    );
    expect(older).toMatchObject({ note: 'x', deletedAt: '2030-01-01T00:00:10.000Z' });
    const newer = applyChange(
      'customers',
      deleted,
      item('upsert', '2030-01-01T00:00:20.000Z', { note: 'y' }),
    );
    expect(newer).toMatchObject({ note: 'y', deletedAt: null });
  });
});

describe('rebase', () => {
  it('is the server row itself when nothing is pending', () => {
    expect(rebase('customers', amina(3), [])).toEqual(amina(3));
  });

  it('keeps pending field values on top of a newer pulled row, and the pulled values of other fields', () => {
    const pending = [item('upsert', '2030-01-01T00:00:01.000Z', { name: 'Amina W.' })];
    const pulled = amina(2, { name: 'Amina (web)', phone: '0711' });
    expect(rebase('customers', pulled, pending)).toMatchObject({ name: 'Amina W.', phone: '0711' });
  });

  it('replays pending changes in order, a delete after an edit included', () => {
    const pending = [
      item('upsert', '2030-01-01T00:00:01.000Z', { phone: '1' }),
      item('upsert', '2030-01-01T00:00:02.000Z', { phone: '2' }),
      item('delete', '2030-01-01T00:00:03.000Z'),
    ];
    expect(rebase('customers', amina(), pending)).toMatchObject({
      phone: '2',
      deletedAt: '2030-01-01T00:00:03.000Z',
    });
  });

  it('shows no row when the server has none and no pending change creates it', () => {
    expect(rebase('customers', null, [item('upsert', 't', { note: 'orphan edit' })])).toBeNull();
  });
});
