import { type AnyLocale, type T, translator } from '@storesync/i18n';
import type { SaleItem } from '@storesync/schema';

/** About one line of a phone's list. */
const MAX = 40;

const translators = new Map<AnyLocale, T>();
const tOf = (locale: AnyLocale) => {
  let t = translators.get(locale);
  if (!t) {
    t = translator(locale);
    translators.set(locale, t);
  }
  return t;
};

/** `text` cut to `max` characters as people count them (code points: an emoji is never split). */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * What was sold, in a few words: "bread ×2, milk" (a quantity of 1 goes unsaid), in `locale`'s
 * words and numbers. Items are named in order while they fit in about one line; the rest are
 * counted ("+3 more"), and a first name too long alone is cut with "…".
 */
export function saleSummary(items: readonly SaleItem[], locale: AnyLocale, max = MAX): string {
  const t = tOf(locale);
  const named = items.map((item) => {
    const name = item.name.trim();
    return item.quantity === 1 ? name : t('phone.sales.itemQuantity', { name, quantity: item.quantity });
  });
  const separator = t('phone.sales.separator');
  let text = '';
  let shown = 0;
  for (const part of named) {
    const next = shown === 0 ? part : `${text}${separator}${part}`;
    const left = named.length - shown - 1;
    const tail = left > 0 ? ` ${t('phone.sales.more', { count: left })}` : '';
    if (shown > 0 && Array.from(next + tail).length > max) break;
    text = next;
    shown++;
  }
  const rest = named.length - shown;
  if (shown === 1) text = cut(text, rest > 0 ? Math.max(max - 10, 12) : max);
  return rest > 0 ? `${text} ${t('phone.sales.more', { count: rest })}` : text;
}
