'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { useI18n } from '~/i18n/provider';

interface SignInButtonsProps {
  google: boolean;
  /** The demo account's email when dev sign-in is on; the server seeds its store on first sign-in. */
  demoEmail: string | null;
}

/** Google and demo sign-in; the demo one stays on this origin, whatever NEXTAUTH_URL says. */
export function SignInButtons({ google, demoEmail }: SignInButtonsProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<'google' | 'demo' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const continueAsDemo = async () => {
    setBusy('demo');
    setError(null);
    const result = await signIn('dev', { email: demoEmail, redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign('/overview');
      return;
    }
    setBusy(null);
    setError(t('dashboard.signIn.demoFailed'));
  };

  return (
    <div className="sign-in__buttons">
      {google && (
        <button
          type="button"
          className="button button--large"
          disabled={busy !== null}
          onClick={() => {
            setBusy('google');
            void signIn('google', { callbackUrl: '/overview' });
          }}
        >
          {busy === 'google' ? t('dashboard.signIn.openingGoogle') : t('dashboard.signIn.google')}
        </button>
      )}
      {demoEmail && (
        <button
          type="button"
          className="button button--primary button--large"
          disabled={busy !== null}
          onClick={continueAsDemo}
        >
          {busy === 'demo' ? t('dashboard.signIn.openingDemo') : t('dashboard.signIn.demo')}
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
