'use client';

import type { AppRouter } from '@storesync/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/ui/confirm-dialog';
import { Empty, ErrorState, Loading } from '~/components/ui/states';
import { dateTime } from '~/lib/dates';
import { useTRPC } from '~/trpc/react';

type Device = inferRouterOutputs<AppRouter>['auth']['devices'][number];

/** The store's signed-in phones and tablets, and a way to sign a lost one out. */
export function DevicesCard() {
  const trpc = useTRPC();
  const devices = useQuery(trpc.auth.devices.queryOptions());
  const revoke = useMutation(trpc.auth.revokeDevice.mutationOptions());
  const [leaving, setLeaving] = useState<Device | null>(null);
  const close = () => {
    revoke.reset();
    setLeaving(null);
  };

  return (
    <section className="card settings" aria-labelledby="devices-heading">
      <h2 id="devices-heading">Devices</h2>
      <p className="field__hint">
        Phones and tablets signed in to this store. Signing one out stops it syncing until someone signs in on
        it again; what it has not yet sent stays on it.
      </p>
      {devices.isPending ? (
        <Loading />
      ) : devices.isError ? (
        <ErrorState error={devices.error} onRetry={() => devices.refetch()} />
      ) : devices.data.length === 0 ? (
        <Empty title="No devices signed in" />
      ) : (
        <table className="table devices-table">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Last seen</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.data.map((d) => (
              <tr key={d.deviceId}>
                <td data-label="Device">
                  <strong>{d.deviceName ?? d.deviceId}</strong>
                  <div className="muted devices-table__detail">
                    {d.deviceName ? `${d.deviceId} · ` : ''}signed in {dateTime(d.signedInAt)}
                  </div>
                </td>
                <td data-label="Last seen">
                  {d.lastSeenAt ? dateTime(d.lastSeenAt) : <span className="muted">Not yet</span>}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button button--small button--quiet-danger"
                    onClick={() => setLeaving(d)}
                  >
                    Sign out<span className="visually-hidden"> {d.deviceName ?? d.deviceId}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={leaving !== null}
        title="Sign this device out?"
        message={`${leaving?.deviceName ?? leaving?.deviceId ?? 'The device'} will stop syncing with this store until someone signs in on it again.`}
        confirmLabel="Sign out device"
        busy={revoke.isPending}
        error={revoke.error?.message ?? null}
        onCancel={close}
        onConfirm={() =>
          leaving &&
          revoke.mutate(
            { deviceId: leaving.deviceId },
            {
              onSuccess: () => {
                close();
                void devices.refetch();
              },
            },
          )
        }
      />
    </section>
  );
}
