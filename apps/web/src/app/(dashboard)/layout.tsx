import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppHeader } from '~/components/app-header';
import { LiveRefresh } from '~/components/live-refresh';
import { serverI18n } from '~/i18n/server';
import { getWebAuth } from '~/server/auth';
import { TrpcReactProvider } from '~/trpc/react';

// The session is read per request, whatever the build-time environment says.
export const dynamic = 'force-dynamic';

/** Every dashboard page needs a session: without one, the sign-in page. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const auth = await getWebAuth();
  if (!auth) redirect('/sign-in');
  const { t } = await serverI18n();
  return (
    <TrpcReactProvider>
      <LiveRefresh />
      <a className="skip-link" href="#main">
        {t('dashboard.skipToContent')}
      </a>
      <AppHeader email={auth.user.email} />
      <main id="main" className="page">
        {children}
      </main>
    </TrpcReactProvider>
  );
}
