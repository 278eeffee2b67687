'use client';

import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '~/i18n/provider';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Room for a row of three choices, e.g. the delete dialog's ways to settle a balance. */
  wide?: boolean;
}

/**
 * A modal on the native `<dialog>`: the browser traps focus, Escape closes it
 * and focus returns to what opened it, so it is keyboard accessible as is.
 */
export function Dialog({ open, title, onClose, children, wide = false }: DialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop is a mouse shortcut; Escape closes it from the keyboard
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      <div className="dialog__body">
        <header className="dialog__header">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="icon-button"
            aria-label={t('dashboard.states.close')}
            onClick={onClose}
          >
            ×
          </button>
        </header>
        {open && children}
      </div>
    </dialog>
  );
}
