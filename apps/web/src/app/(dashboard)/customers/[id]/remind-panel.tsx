'use client';

import { matchLocale, reminderText, smsUrl, whatsappUrl } from '@storesync/i18n';
import { formatMoney, phoneE164, type ReminderChannel } from '@storesync/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrency } from '~/components/currency';
import { serverMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';

/** The browser's region (`KE` of `sw-KE`): the store's country until the store sets one. */
function browserRegion(): string | null {
  for (const tag of navigator.languages) {
    const region = tag.split('-').find((p, i) => i > 0 && /^[A-Z]{2}$/.test(p));
    if (region) return region;
  }
  return null;
}

/**
 * Remind from the dashboard (issue 22 §2): the server gathers the facts (and the customer's live
 * statement link), this composes the message with the phone's `reminderText` in the customer's
 * language, and WhatsApp or SMS opens with it ready; the reminder is then recorded as a row.
 * No API sends a WhatsApp message for a shop without WhatsApp Business: the owner presses send.
 */
export function RemindPanel({ customerId, owed }: { customerId: string; owed: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, locale: dashboardLocale } = useI18n();
  const storeCurrency = useCurrency();
  const [sent, setSent] = useState<ReminderChannel | null>(null);
  const prepare = useMutation(trpc.reminders.prepare.mutationOptions());
  const record = useMutation(
    trpc.reminders.create.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.reminders.list.queryKey({ customerId }) }),
    }),
  );
  if (owed <= 0) return null;
  const facts = prepare.data;
  const country = facts ? (facts.country ?? browserRegion()) : null;
  const locale = facts ? matchLocale([facts.language ?? dashboardLocale]) : dashboardLocale;
  const tag = country ? `${locale}-${country}` : locale;
  const currency = facts?.currency ?? storeCurrency;
  const text =
    facts && currency
      ? reminderText({
          template: facts.templates?.[locale] ?? null,
          locale,
          shop: facts.shopName ?? '',
          amount: formatMoney(facts.owed, currency, tag),
          dueDate: facts.dueDate
            ? new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(
                new Date(`${facts.dueDate}T00:00:00Z`),
              )
            : null,
          link: `${window.location.origin}/s/${facts.link.token}`,
        })
      : null;
  const e164 = facts ? phoneE164(facts.phone, country) : null;
  const send = (channel: 'whatsapp' | 'sms') => {
    if (!facts || !text || !e164) return;
    // Opened in the click itself, so no pop-up blocker stands in the way.
    window.open(channel === 'whatsapp' ? whatsappUrl(e164, text) : smsUrl(e164, text), '_blank', 'noopener');
    record.mutate(
      { customerId, channel, amount: facts.owed, linkId: facts.link.id },
      { onSuccess: () => setSent(channel) },
    );
  };
  const error = prepare.error ?? record.error;

  return (
    <section className="card" aria-labelledby="remind">
      <h2 id="remind">{t('remind.remind')}</h2>
      {!facts ? (
        <button
          type="button"
          className="button button--primary"
          disabled={prepare.isPending}
          onClick={() => prepare.mutate({ customerId })}
        >
          {prepare.isPending ? t('remind.preparing') : t('remind.remind')}
        </button>
      ) : (
        <>
          <p className="muted">{t('remind.remindTitle', { name: facts.name })}</p>
          <blockquote
            dir="auto"
            data-testid="reminder-text"
            style={{ whiteSpace: 'pre-wrap', margin: '0 0 1rem' }}
          >
            {text}
          </blockquote>
          {e164 ? (
            <div className="action-bar">
              <button type="button" className="button button--primary" onClick={() => send('whatsapp')}>
                {t('remind.whatsapp')}
              </button>
              <button type="button" className="button" onClick={() => send('sms')}>
                {t('remind.sms')}
              </button>
            </div>
          ) : (
            <p className="muted">{t('remind.noPhone', { phone: facts.phone ?? '—' })}</p>
          )}
          {sent && (
            <p role="status" className="muted">
              {t('remind.history', {
                channel: sent,
                amount: formatMoney(facts.owed, currency ?? 'USD', tag),
              })}
            </p>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="form-error">
          {serverMessage(t, dashboardLocale, error)}
        </p>
      )}
    </section>
  );
}
