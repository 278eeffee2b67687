'use client';

import { Money } from '~/components/currency';
import { Field } from '~/components/ui/field';
import { MoneyField } from '~/components/ui/money-field';
import { useI18n } from '~/i18n/provider';

/** A line of the sale being typed: the raw text of each cell. */
export interface LineDraft {
  key: string;
  name: string;
  quantity: string;
  unitPrice: string;
}

export const emptyLine = (): LineDraft => ({
  key: crypto.randomUUID(),
  name: '',
  quantity: '1',
  unitPrice: '',
});

interface LineItemsProps {
  lines: LineDraft[];
  /** Each line's total in minor units, or null while its cells are not numbers yet. */
  lineTotals: (number | null)[];
  errors: Record<string, string>;
  /** `useFormErrors().attempt`, for the price fields. */
  attempt: number;
  onChange: (lines: LineDraft[]) => void;
}

/** The sale's line items: name, quantity and unit price per line, with its total; add and remove lines. */
export function LineItems({ lines, lineTotals, errors, attempt, onChange }: LineItemsProps) {
  const { t } = useI18n();
  const edit = (i: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((line, j) => (j === i ? { ...line, ...patch } : line)));
  return (
    <fieldset className="line-items">
      <legend>{t('dashboard.forms.items')}</legend>
      {lines.map((line, i) => {
        const total = lineTotals[i];
        return (
          <div className="line-item" key={line.key}>
            <Field
              className="line-item__name"
              label={t('dashboard.forms.item', { n: i + 1 })}
              value={line.name}
              onChange={(e) => edit(i, { name: e.target.value })}
              error={errors[`items.${i}.name`]}
              autoComplete="off"
            />
            <Field
              className="line-item__qty"
              label={t('dashboard.forms.quantity')}
              inputMode="decimal"
              value={line.quantity}
              onChange={(e) => edit(i, { quantity: e.target.value })}
              error={errors[`items.${i}.quantity`]}
            />
            <MoneyField
              className="line-item__price"
              label={t('dashboard.forms.unitPrice')}
              value={line.unitPrice}
              onChange={(unitPrice) => edit(i, { unitPrice })}
              error={errors[`items.${i}.unitPrice`]}
              attempt={attempt}
              allowZero
            />
            <div className="line-item__total">
              <span className="line-item__total-label" id={`${line.key}-total`}>
                {t('dashboard.forms.lineTotal')}
              </span>
              <output aria-labelledby={`${line.key}-total`}>
                {total == null ? t('dashboard.states.none') : <Money value={total} />}
              </output>
            </div>
            <button
              type="button"
              className="icon-button line-item__remove"
              aria-label={t('dashboard.forms.removeItem', { n: i + 1 })}
              disabled={lines.length === 1}
              onClick={() => onChange(lines.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        );
      })}
      {errors.items && <p className="field__error">{errors.items}</p>}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...lines, emptyLine()])}
      >
        {t('dashboard.forms.addItem')}
      </button>
    </fieldset>
  );
}
