'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/ui/confirm-dialog';
import { Empty, ErrorState, Loading } from '~/components/ui/states';
import { serverMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';
import { type Device, deviceLabel } from './device-label';
import './devices.css';

/**
 * The store's signed-in phones, tablets and dashboard browsers, a way to sign a
 * lost one out, and to sign every one out at once.
 */
export function DevicesCard() {
  const trpc = useTRPC();
  const { t, locale, dateTime } = useI18n();
  const devices = useQuery(trpc.auth.devices.queryOptions());
  const revoke = useMutation(trpc.auth.revokeDevice.mutationOptions());
  const everywhere = useMutation(trpc.auth.signOutEverywhere.mutationOptions());
  const [leaving, setLeaving] = useState<Device | null>(null);
  const [leavingAll, setLeavingAll] = useState(false);
  const close = () => {
    revoke.reset();
    setLeaving(null);
  };
  const leavingName = leaving ? deviceLabel(t, leaving) : t('dashboard.settings.theDevice');

  return (
    <section className="card settings" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('dashboard.settings.devices')}</h2>
      <p className="field__hint">{t('dashboard.settings.devicesHelp')}</p>
      <p className="field__hint">{t('dashboard.settings.browsersHelp')}</p>
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
              <th scope="col" title={t('dashboard.settings.bookCheckedHelp')}>
                {t('dashboard.settings.bookChecked')}
              </th>
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
                    <strong>{deviceLabel(t, d)}</strong>
                  </bdi>
                  {d.browser && <span className="badge badge--sale">{t('dashboard.settings.browser')}</span>}
                  <div className="muted devices-table__detail">
                    {d.current
                      ? `${t('dashboard.settings.thisBrowser')} · `
                      : !d.browser && d.deviceName
                        ? `${d.deviceId} · `
                        : ''}
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
                <td data-label={t('dashboard.settings.bookChecked')}>
                  {d.verifiedAt ? (
                    dateTime(d.verifiedAt)
                  ) : (
                    <span className="muted">{d.browser ? '—' : t('dashboard.settings.notYet')}</span>
                  )}
                </td>
                <td className="row-actions">
                  {/* This browser signs out from the header's button. */}
                  {!d.current && (
                    <button
                      type="button"
                      className="button button--small button--quiet-danger"
                      onClick={() => setLeaving(d)}
                    >
                      {t('dashboard.settings.signOut')}
                      <span className="visually-hidden"> {deviceLabel(t, d)}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {devices.isSuccess && devices.data.length > 0 && (
        <div className="form-actions">
          <button type="button" className="button button--quiet-danger" onClick={() => setLeavingAll(true)}>
            {t('dashboard.settings.signOutEverywhere')}
          </button>
        </div>
      )}
      <ConfirmDialog
        open={leaving !== null}
        title={t('dashboard.settings.signOutTitle')}
        message={
          leaving?.browser
            ? t('dashboard.settings.signOutBrowserMessage', { device: leavingName })
            : t('dashboard.settings.signOutMessage', { device: leavingName })
        }
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
      <ConfirmDialog
        open={leavingAll}
        title={t('dashboard.settings.signOutEverywhereTitle')}
        message={t('dashboard.settings.signOutEverywhereMessage')}
        confirmLabel={t('dashboard.settings.signOutEverywhere')}
        busy={everywhere.isPending}
        error={everywhere.error ? serverMessage(t, locale, everywhere.error) : null}
        onCancel={() => {
          everywhere.reset();
          setLeavingAll(false);
        }}
        // This browser is signed out too: a full load of the sign-in page, nothing kept.
        onConfirm={() =>
          everywhere.mutate(undefined, { onSuccess: () => window.location.assign('/sign-in') })
        }
      />
    </section>
  );
}
