'use client';

import type { ReactNode } from 'react';
import { serverMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';

/** Shown while a query loads; announced to screen readers once. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('dashboard.states.loading')}
    </div>
  );
}

/** Shown when a list has nothing in it, with what to do next. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}

/** Shown when a query failed, with a way to try again. */
export function ErrorState({
  error,
  onRetry,
}: {
  error: { message: string; data?: { code?: string } | null };
  onRetry?: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{t('dashboard.states.failed')}</p>
      <p>{serverMessage(t, locale, error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}
