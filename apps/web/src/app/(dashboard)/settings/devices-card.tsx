'use client';

import type { AppRouter } from '@storesync/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/ui/confirm-dialog';
import { Empty, ErrorState, Loading } from '~/components/ui/states';
import { serverMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';

type Device = inferRouterOutputs<AppRouter>['auth']['devices'][number];

/** The store's signed-in phones and tablets, and a way to sign a lost one out. */
export function DevicesCard() {
  const trpc = useTRPC();
  const { t, locale, dateTime } = useI18n();
  const devices = useQuery(trpc.auth.devices.queryOptions());
  const revoke = useMutation(trpc.auth.revokeDevice.mutationOptions());
  const [leaving, setLeaving] = useState<Device | null>(null);
  const close = () => {
    revoke.reset();
    setLeaving(null);
  };

  return (
    <section className="card settings" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('dashboard.settings.devices')}</h2>
      <p className="field__hint">{t('dashboard.settings.devicesHelp')}</p>
      {devices.isPending ? (
        <Loading />
      ) : devices.isError ? (
        <ErrorState error={devices.error} onRetry={() => devices.refetch()} />
      ) : devices.data.length === 0 ? (
        <Empty title={t('dashboard.settings.noDevices')} />
      ) : (
        <table className="table devices-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.settings.device')}</th>
              <th scope="col">{t('dashboard.settings.lastSeen')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('dashboard.customers.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.data.map((d) => (
              <tr key={d.deviceId}>
                <td data-label={t('dashboard.settings.device')}>
                  <bdi>
                    <strong>{d.deviceName ?? d.deviceId}</strong>
                  </bdi>
                  <div className="muted devices-table__detail">
                    {d.deviceName ? `${d.deviceId} · ` : ''}
                    {t('dashboard.settings.signedIn', { when: dateTime(d.signedInAt) })}
                  </div>
                </td>
                <td data-label={t('dashboard.settings.lastSeen')}>
                  {d.lastSeenAt ? (
                    dateTime(d.lastSeenAt)
                  ) : (
                    <span className="muted">{t('dashboard.settings.notYet')}</span>
                  )}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button button--small button--quiet-danger"
                    onClick={() => setLeaving(d)}
                  >
                    {t('dashboard.settings.signOut')}
                    <span className="visually-hidden"> {d.deviceName ?? d.deviceId}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={leaving !== null}
        title={t('dashboard.settings.signOutTitle')}
        message={t('dashboard.settings.signOutMessage', {
          device: leaving?.deviceName ?? leaving?.deviceId ?? t('dashboard.settings.theDevice'),
        })}
        confirmLabel={t('dashboard.settings.signOutConfirm')}
        busy={revoke.isPending}
        error={revoke.error ? serverMessage(t, locale, revoke.error) : null}
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
