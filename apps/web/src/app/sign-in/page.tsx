import { DEMO_EMAIL } from '@storesync/api';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { pageTitle, serverI18n } from '~/i18n/server';
import { getWebAuth, signInMethods } from '~/server/auth';
import { SignInButtons } from './sign-in-buttons';

export const dynamic = 'force-dynamic';
export const generateMetadata = (): Promise<Metadata> => pageTitle((t) => t('dashboard.signIn.title'));

/** Sign-in with Google, and the demo store when dev sign-in is on. */
export default async function SignInPage() {
  if (await getWebAuth()) redirect('/overview');
  const { t } = await serverI18n();
  const none = !signInMethods.google && !signInMethods.demo;
  return (
    <main className="sign-in">
      <section className="sign-in__card card">
        <p className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">
            S
          </span>
          StoreSync
        </p>
        <h1>{t('dashboard.signIn.heading')}</h1>
        <p className="muted">{t('dashboard.signIn.intro')}</p>
        <SignInButtons google={signInMethods.google} demoEmail={signInMethods.demo ? DEMO_EMAIL : null} />
        {/* A public page: it says nothing of how the server is set up (the README does). */}
        {none && (
          <p className="form-error" role="alert">
            {t('dashboard.signIn.unavailable')}
          </p>
        )}
      </section>
    </main>
  );
}
