'use client';

import { useI18n } from '~/i18n/provider';

/** A form's buttons: an optional Cancel, and a submit that says when it is saving. */
export function FormActions({
  label,
  pending,
  onCancel,
}: {
  label: string;
  pending: boolean;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('dashboard.states.saving') : label}
      </button>
    </div>
  );
}
