import { DEMO_EMAIL } from '@storesync/api';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getWebAuth, signInMethods } from '~/server/auth';
import { getOpenDb } from '~/server/db';
import { SignInButtons } from './sign-in-buttons';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in · StoreSync' };

/** Sign-in with Google, and the demo store when dev sign-in is on. */
export default async function SignInPage() {
  if (await getWebAuth()) redirect('/overview');
  const { kind } = await getOpenDb();
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
        <h1>Your shop’s book, on every device</h1>
        <p className="muted">
          See who owes what, record debts, repayments and sales, and keep your customers up to date. Your
          phone picks up every change at its next sync.
        </p>
        <SignInButtons google={signInMethods.google} demoEmail={signInMethods.demo ? DEMO_EMAIL : null} />
        {none && (
          <p className="form-error" role="alert">
            No sign-in is configured on this server: set GOOGLE_CLIENT_IDS and GOOGLE_CLIENT_SECRET, or
            DEV_LOGIN=1.
          </p>
        )}
      </section>
      <footer className="sign-in__footer muted">
        Database: {kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'} · Dev sign-in:{' '}
        {signInMethods.demo ? 'on' : 'off'}
      </footer>
    </main>
  );
}
