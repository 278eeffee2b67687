'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useI18n } from '~/i18n/provider';
import { LanguageMenu } from './language-menu';

const LINKS = [
  { href: '/overview', key: 'overview' },
  { href: '/customers', key: 'customers' },
  { href: '/sales', key: 'sales' },
  { href: '/deleted', key: 'deleted' },
  { href: '/settings', key: 'settings' },
] as const;

/** The dashboard's header: brand, the pages, the language, who is signed in, and sign-out. */
export function AppHeader({ email }: { email: string }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const [leaving, setLeaving] = useState(false);
  const leave = async () => {
    setLeaving(true);
    await signOut({ redirect: false });
    window.location.assign('/sign-in');
  };
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link href="/overview" className="brand">
          <span className="brand__mark" aria-hidden="true">
            S
          </span>
          StoreSync
        </Link>
        <nav aria-label={t('dashboard.nav.label')} className="app-nav">
          {LINKS.map((link) => {
            const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
            return (
              <Link key={link.href} href={link.href} aria-current={current ? 'page' : undefined}>
                {t(`dashboard.nav.${link.key}`)}
              </Link>
            );
          })}
        </nav>
        <div className="app-header__account">
          {/* The phone app's web export, served beside the dashboard (a static PWA, not a Next page). */}
          <a href="/app/" className="button button--small">
            {t('dashboard.nav.openApp')}
          </a>
          <LanguageMenu />
          <bdi className="app-header__email" title={email} dir="ltr">
            {email}
          </bdi>
          <button type="button" className="button button--small" onClick={leave} disabled={leaving}>
            {leaving ? t('dashboard.nav.signingOut') : t('dashboard.nav.signOut')}
          </button>
        </div>
      </div>
    </header>
  );
}
