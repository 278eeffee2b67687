import { DEMO_EMAIL } from '@storesync/api';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getWebAuth, signInMethods } from '~/server/auth';
import { SignInButtons } from './sign-in-buttons';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in · StoreSync' };

/** Sign-in with Google, and the demo store when dev sign-in is on. */
export default async function SignInPage() {
  if (await getWebAuth()) redirect('/overview');
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
        {/* A public page: it says nothing of how the server is set up (the README does). */}
        {none && (
          <p className="form-error" role="alert">
            Sign-in is not available yet. Please try again later.
          </p>
        )}
      </section>
    </main>
  );
}
