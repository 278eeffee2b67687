'use client';

import { useI18n } from '~/i18n/provider';
import { Dialog } from './dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a destructive action; Cancel has the focus so Enter never deletes by accident. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onCancel}>
      <p>{props.message}</p>
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      <div className="form-actions">
        {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes the focus in a confirmation */}
        <button type="button" className="button" onClick={props.onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={props.onConfirm}
          disabled={props.busy}
        >
          {props.busy ? t('dashboard.states.deleting') : props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
