import { LOCALES, type Locale, translator } from '@storesync/i18n';
import { formatMoney, type SaleItem, saleTotal } from '@storesync/schema';
import { documentHtml } from './document.ts';
import { escapeHtml as esc } from './escape.ts';

/** What a sale's receipt shows: the sale, who bought, and where. */
export interface ReceiptPage {
  sale: {
    id: string;
    soldAt: string;
    items: readonly SaleItem[];
    total: number;
    paidAmount: number;
    note: string | null;
  };
  shopName: string | null;
  /** The buyer, or null for a walk-in sale. */
  customerName: string | null;
  /** What the buyer owes the shop in all now (their balance), or null for a walk-in sale. */
  owedNow: number | null;
  currency: string;
  locale: Locale;
  /** The zone the sale's time is dated in: the phone's own. */
  timeZone: string;
}

/** The receipt's number: the end of the sale's id (the random part of a UUIDv7), short enough to read out. */
export const receiptNumber = (saleId: string) => saleId.replace(/-/g, '').slice(-8).toUpperCase();

/**
 * A sale's receipt as a complete HTML document (the phone prints it to a PDF to share): the
 * statement's frame and style, every word from the catalogue, amounts by `formatMoney`.
 */
export function receiptHtml(page: ReceiptPage): string {
  const { sale, locale, currency } = page;
  const t = translator(locale, { timeZone: page.timeZone });
  const arg =
    LOCALES[locale].dir === 'rtl' ? (text: string) => `\u2068${text}\u2069` : (text: string) => text;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const qty = new Intl.NumberFormat(locale).format;
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: page.timeZone,
  }).format(new Date(sale.soldAt));
  const rows = sale.items
    .map(
      (i) =>
        `<tr><td>${esc(i.name)}</td><td class="num">${esc(qty(i.quantity))}</td><td class="num">${esc(money(i.unitPrice))}</td><td class="num">${esc(money(saleTotal([i])))}</td></tr>`,
    )
    .join('\n');
  const owed = sale.total - sale.paidAmount;
  const figure = (label: string, value: string, extra = '') =>
    `<div class="figure${extra}"><span>${esc(label)}</span><strong>${esc(value)}</strong></div>`;
  const figures = [
    figure(t('statement.receipt.total'), money(sale.total)),
    figure(t('statement.receipt.paid'), money(sale.paidAmount), ' credit'),
  ];
  if (owed > 0) figures.push(figure(t('statement.receipt.toPay'), money(owed), ' overdue'));
  if (page.owedNow !== null && page.owedNow > 0)
    figures.push(figure(t('statement.receipt.owedNow'), money(page.owedNow)));
  const title = t('statement.receipt.title');
  const body = `<header><p class="shop">${esc(page.shopName || t('statement.shop'))}</p><h1>${esc(title)}</h1><p class="asof">${esc(t('statement.receipt.numberAt', { number: arg(receiptNumber(sale.id)), date: arg(when) }))}</p><p class="asof">${esc(page.customerName === null ? t('statement.receipt.walkIn') : t('statement.receipt.customer', { name: arg(page.customerName) }))}</p></header>
<table><thead><tr><th>${esc(t('statement.receipt.item'))}</th><th class="num">${esc(t('statement.receipt.quantity'))}</th><th class="num">${esc(t('statement.receipt.price'))}</th><th class="num">${esc(t('statement.amount'))}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<section class="summary totals">${figures.join('')}</section>
${sale.note ? `<p class="none">${esc(sale.note)}</p>` : ''}<p class="thanks">${esc(t('statement.receipt.thanks'))}</p>`;
  return documentHtml(locale, title, body);
}
