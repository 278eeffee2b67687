import { translator } from '@storesync/i18n';
import type { SyncStatus } from '@storesync/sync-client';
import { describeSync as describeIn } from './sync-bar';

const en = translator('en');
const describeSync = (status: SyncStatus, now?: Date) => describeIn(status, en, now);

const base: SyncStatus = {
  state: 'idle',
  pending: 0,
  failed: 0,
  lastSyncAt: null,
  lastError: null,
  live: false,
  catchUp: null,
  verifiedAt: null,
  lastRepair: null,
};

describe('describeSync', () => {
  it('says the book is still arriving, with how far, while a long pull runs', () => {
    const catchUp = { done: 6_000, total: 22_000 };
    expect(describeSync({ ...base, state: 'syncing', catchUp }).text).toBe('Getting your book · 27%');
    expect(describeSync({ ...base, state: 'syncing', catchUp: { done: 9, total: null } }).text).toBe(
      'Getting your book',
    );
  });

  it('says offline and what waits', () => {
    expect(describeSync({ ...base, state: 'offline', pending: 3 })).toEqual({
      text: 'Offline · 3 changes waiting',
      tone: 'offline',
    });
    expect(describeSync({ ...base, state: 'offline' }).text).toBe(
      'Offline · everything is saved on this phone',
    );
  });

  it('says up to date with the time of the last sync', () => {
    const at = new Date(2026, 10, 30, 10, 14).toISOString();
    const { text, tone } = describeSync({ ...base, lastSyncAt: at }, new Date(2026, 10, 30, 12));
    expect(tone).toBe('ok');
    expect(text).toMatch(/^Up to date · synced 10:14/);
  });

  it('says live while the live subscription is open, and the time again once it is not', () => {
    const at = new Date(2026, 10, 30, 10, 14).toISOString();
    expect(describeSync({ ...base, lastSyncAt: at, live: true })).toEqual({
      text: 'Up to date · live',
      tone: 'ok',
    });
    expect(describeSync({ ...base, lastSyncAt: at, live: true, pending: 2 }).text).toBe('2 changes waiting');
    expect(describeSync({ ...base, lastSyncAt: at }, new Date(2026, 10, 30, 12)).text).toMatch(
      /synced 10:14/,
    );
  });

  it('tells a revoked session apart from a passing failure', () => {
    expect(describeSync({ ...base, state: 'error', lastError: 'UNAUTHORIZED: session revoked' }).text).toBe(
      'Signed out by the server · sign in again to sync',
    );
    expect(
      describeSync({ ...base, state: 'error', pending: 1, lastError: 'INTERNAL_SERVER_ERROR: x' }).text,
    ).toBe('Can’t sync now · 1 change waiting');
  });
});
