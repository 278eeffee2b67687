import { useCallback, useEffect, useState } from 'react';
import { Platform, StyleSheet, Text, View } from 'react-native';
import { devSignIn, googleSignIn, signInErrorMessage, signInOptions } from '../book/auth-api';
import { useBook } from '../book/book-provider';
import { googleConfigured, googleIdToken } from '../book/google';
import type { Session } from '../book/session';
import { FormError } from '../forms/form-error';
import { useLocale } from '../i18n/locale';
import { Button } from '../ui/button';
import { Card, Muted, Screen } from '../ui/layout';
import { Splash } from '../ui/splash';
import { TextField } from '../ui/text-field';
import { colors, space } from '../ui/theme';

/** An example address, the same in every language. */
const EXAMPLE_EMAIL = 'owner@example.com';

type Options = { devSignIn: boolean; googleSignIn: boolean } | 'unreachable' | null;

/** The first sign-in needs the network; after it the phone keeps the session and works offline. */
export default function SignInScreen() {
  const { book, signIn } = useBook();
  const [options, setOptions] = useState<Options>(null);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState<'google' | 'dev' | null>(null);
  const [error, setError] = useState<string | undefined>();
  const { t, alignStart } = useLocale();
  // How the dashboard lists this phone among the store's devices.
  const deviceName = t('signIn.deviceName', { platform: Platform.OS });

  const load = useCallback(() => {
    setOptions(null);
    signInOptions().then(setOptions, () => setOptions('unreachable'));
  }, []);
  useEffect(load, [load]);

  const run = async (kind: 'google' | 'dev', getSession: () => Promise<Session | null>) => {
    setBusy(kind);
    setError(undefined);
    try {
      const session = await getSession();
      if (session) await signIn(session);
    } catch (e) {
      setError(signInErrorMessage(t, e));
    } finally {
      setBusy(null);
    }
  };
  const google = () =>
    run('google', async () => {
      const idToken = await googleIdToken();
      return idToken ? googleSignIn(idToken, book.deviceId, deviceName) : null;
    });
  const dev = () =>
    run('dev', async () => {
      if (!email.trim()) throw new Error(t('signIn.enterEmail'));
      return devSignIn(email.trim(), book.deviceId, deviceName);
    });

  if (options === null) return <Splash />;
  const withGoogle = options !== 'unreachable' && options.googleSignIn && googleConfigured;
  return (
    <Screen>
      <View style={styles.hero}>
        <Text style={styles.brand}>StoreSync</Text>
        <Text style={[styles.tagline, alignStart]}>{t('signIn.tagline')}</Text>
      </View>
      {options === 'unreachable' ? (
        <Card tone="warn">
          <Text style={[styles.cardTitle, alignStart]}>{t('signIn.unreachable')}</Text>
          <Muted>{t('signIn.needsInternet')}</Muted>
          <Button label={t('common.tryAgain')} variant="secondary" onPress={load} />
        </Card>
      ) : null}
      {withGoogle ? (
        <Button
          label={t('signIn.google')}
          onPress={google}
          busy={busy === 'google'}
          disabled={busy !== null}
        />
      ) : null}
      {options !== 'unreachable' && !withGoogle && !options.devSignIn ? (
        <Muted>{t('signIn.noGoogleClient')}</Muted>
      ) : null}
      {options !== 'unreachable' && options.devSignIn ? (
        <Card>
          <Text style={[styles.cardTitle, alignStart]}>{t('signIn.demoTitle')}</Text>
          <Muted>{t('signIn.demoHelp')}</Muted>
          <TextField
            label={t('signIn.email')}
            value={email}
            onChangeText={setEmail}
            keyboardType="email-address"
            autoCapitalize="none"
            autoComplete="email"
            placeholder={EXAMPLE_EMAIL}
          />
          <Button
            label={t('common.continue')}
            variant={withGoogle ? 'secondary' : 'primary'}
            onPress={dev}
            busy={busy === 'dev'}
            disabled={busy !== null}
          />
        </Card>
      ) : null}
      <FormError message={error} />
    </Screen>
  );
}

const styles = StyleSheet.create({
  hero: { paddingVertical: space.xl, gap: space.sm },
  brand: { fontSize: 34, fontWeight: '800', color: colors.accent },
  tagline: { fontSize: 17, color: colors.text, lineHeight: 24 },
  cardTitle: { fontSize: 16, fontWeight: '700', color: colors.text },
});
