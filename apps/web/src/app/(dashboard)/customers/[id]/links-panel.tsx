'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState, Loading } from '~/components/ui/states';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';
import './links-panel.css';

/** The statement's public path, and its address on this origin. */
const statementPath = (token: string) => `/s/${token}`;
const statementUrl = (token: string) => `${window.location.origin}${statementPath(token)}`;

/** Opens the statement in a new tab and asks the browser to print it (Save as PDF downloads it). */
function printStatement(token: string) {
  const page = window.open(statementUrl(token), '_blank');
  page?.addEventListener('load', () => page.print(), { once: true });
}

/**
 * A customer's statement links (issue 22 §1): make one, copy or open it, see when each was last
 * opened and when it expires, revoke it (the page answers 404 at once), print the statement.
 */
export function LinksPanel({ customerId }: { customerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, dateTime, calendarDay } = useI18n();
  const [copied, setCopied] = useState<string | null>(null);
  const links = useQuery(trpc.links.list.queryOptions({ customerId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.links.list.queryKey({ customerId }) });
  const create = useMutation(trpc.links.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.links.revoke.mutationOptions({ onSuccess: refresh }));
  const copy = async (token: string) => {
    await navigator.clipboard?.writeText(statementUrl(token)).catch(() => undefined);
    setCopied(token);
  };

  return (
    <section className="card links-panel" aria-labelledby="statement-links">
      <h2 id="statement-links">{t('statement.links.title')}</h2>
      <p className="muted">{t('statement.links.help')}</p>
      <div className="links-panel__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={create.isPending}
          onClick={() => create.mutate({ customerId })}
        >
          {t('statement.links.create')}
        </button>
        {links.data?.[0] && (
          <button type="button" className="button" onClick={() => printStatement(links.data[0]?.token ?? '')}>
            {t('statement.links.print')}
          </button>
        )}
      </div>
      {links.isError ? (
        <ErrorState error={links.error} onRetry={() => links.refetch()} />
      ) : !links.data ? (
        <Loading label={t('statement.links.title')} />
      ) : links.data.length === 0 ? (
        <p className="muted">{t('statement.links.none')}</p>
      ) : (
        <ul className="links-panel__list">
          {links.data.map((link) => (
            <li key={link.id} className="links-panel__item" data-testid="statement-link">
              <div>
                <a
                  className="links-panel__url"
                  href={statementPath(link.token)}
                  target="_blank"
                  rel="noreferrer"
                >
                  <bdi dir="ltr">{statementPath(link.token)}</bdi>
                </a>
                <div className="muted">
                  {link.lastOpenedAt
                    ? t('statement.links.lastOpened', { when: dateTime(link.lastOpenedAt) })
                    : t('statement.links.neverOpened')}
                  {' · '}
                  {t('statement.links.expires', { date: calendarDay(link.expiresAt.slice(0, 10)) })}
                </div>
              </div>
              <div className="links-panel__actions">
                <button type="button" className="button button--small" onClick={() => copy(link.token)}>
                  {copied === link.token ? t('statement.links.copied') : t('statement.links.copy')}
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet-danger"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ id: link.id })}
                >
                  {t('statement.links.revoke')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
