'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useState } from 'react';

const LINKS = [
  { href: '/overview', label: 'Overview' },
  { href: '/customers', label: 'Customers' },
  { href: '/sales', label: 'Sales' },
  { href: '/deleted', label: 'Recently deleted' },
  { href: '/settings', label: 'Settings' },
] as const;

/** The dashboard's header: brand, the pages, who is signed in, and sign-out. */
export function AppHeader({ email }: { email: string }) {
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
        <nav aria-label="Main" className="app-nav">
          {LINKS.map((link) => {
            const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
            return (
              <Link key={link.href} href={link.href} aria-current={current ? 'page' : undefined}>
                {link.label}
              </Link>
            );
          })}
        </nav>
        <div className="app-header__account">
          <span className="app-header__email" title={email}>
            {email}
          </span>
          <button type="button" className="button button--small" onClick={leave} disabled={leaving}>
            {leaving ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
    </header>
  );
}
