import { useCallback, useEffect, useState } from 'react';
import { Platform, StyleSheet, Text, View } from 'react-native';
import { devSignIn, googleSignIn, signInErrorMessage, signInOptions } from '../book/auth-api';
import { useBook } from '../book/book-provider';
import { googleConfigured, googleIdToken } from '../book/google';
import type { Session } from '../book/session';
import { SERVER_URL } from '../config';
import { FormError } from '../forms/form-error';
import { Button } from '../ui/button';
import { Card, Muted, Screen } from '../ui/layout';
import { Splash } from '../ui/splash';
import { TextField } from '../ui/text-field';
import { colors, space } from '../ui/theme';

const DEVICE_NAME =
  Platform.OS === 'ios' ? 'iPhone' : Platform.OS === 'android' ? 'Android phone' : 'Phone app (web)';

type Options = { devSignIn: boolean; googleSignIn: boolean } | 'unreachable' | null;

/** The first sign-in needs the network; after it the phone keeps the session and works offline. */
export default function SignInScreen() {
  const { book, signIn } = useBook();
  const [options, setOptions] = useState<Options>(null);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState<'google' | 'dev' | null>(null);
  const [error, setError] = useState<string | undefined>();

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
      setError(signInErrorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const google = () =>
    run('google', async () => {
      const idToken = await googleIdToken();
      return idToken ? googleSignIn(idToken, book.deviceId, DEVICE_NAME) : null;
    });
  const dev = () =>
    run('dev', async () => {
      if (!email.trim()) throw new Error('Enter an email address.');
      return devSignIn(email.trim(), book.deviceId, DEVICE_NAME);
    });

  if (options === null) return <Splash />;
  const withGoogle = options !== 'unreachable' && options.googleSignIn && googleConfigured;
  return (
    <Screen>
      <View style={styles.hero}>
        <Text style={styles.brand}>StoreSync</Text>
        <Text style={styles.tagline}>
          Your shop's book: customers, debts, repayments and sales — even with no network.
        </Text>
      </View>
      {options === 'unreachable' ? (
        <Card tone="warn">
          <Text style={styles.cardTitle}>No connection to StoreSync</Text>
          <Muted>Signing in the first time needs the internet. After that the app works offline.</Muted>
          <Button label="Try again" variant="secondary" onPress={load} />
        </Card>
      ) : null}
      {withGoogle ? (
        <Button
          label="Sign in with Google"
          onPress={google}
          busy={busy === 'google'}
          disabled={busy !== null}
        />
      ) : null}
      {options !== 'unreachable' && !withGoogle && !options.devSignIn ? (
        <Muted>This build has no Google client id: see "Run the phone app" in the README.</Muted>
      ) : null}
      {options !== 'unreachable' && options.devSignIn ? (
        <Card>
          <Text style={styles.cardTitle}>Demo sign-in</Text>
          <Muted>This server has dev sign-in on. Any email opens its own store.</Muted>
          <TextField
            label="Email"
            value={email}
            onChangeText={setEmail}
            keyboardType="email-address"
            autoCapitalize="none"
            autoComplete="email"
            placeholder="owner@example.com"
          />
          <Button
            label="Continue"
            variant={withGoogle ? 'secondary' : 'primary'}
            onPress={dev}
            busy={busy === 'dev'}
            disabled={busy !== null}
          />
        </Card>
      ) : null}
      <FormError message={error} />
      <Muted>{`Server: ${SERVER_URL}`}</Muted>
    </Screen>
  );
}

const styles = StyleSheet.create({
  hero: { paddingVertical: space.xl, gap: space.sm },
  brand: { fontSize: 34, fontWeight: '800', color: colors.accent },
  tagline: { fontSize: 17, color: colors.text, lineHeight: 24 },
  cardTitle: { fontSize: 16, fontWeight: '700', color: colors.text },
});
