import { isCurrencyInUse, minorDigits } from '@storesync/schema';
import { useEffect, useState } from 'react';
import { StyleSheet, Text } from 'react-native';
import { useCurrency } from '../book/currency';
import { useRead } from '../book/reads';
import { useLocale } from '../i18n/locale';
import { Button } from '../ui/button';
import { useConfirm } from '../ui/confirm';
import { Card, Muted } from '../ui/layout';
import { TextField } from '../ui/text-field';
import { colors } from '../ui/theme';
import { FormError } from './form-error';

/** The store's name and currency, set once for every device of the store. */
export function StoreForm() {
  const { currency, isSet, shopName, setStore } = useCurrency();
  const hasAmounts = useRead('hasEntries', (r) => r.hasEntries()) ?? true;
  const [name, setName] = useState(shopName ?? '');
  const [code, setCode] = useState(currency);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [dialog, ask] = useConfirm();
  const { t, alignStart } = useLocale();
  useEffect(() => setCode(currency), [currency]);
  useEffect(() => setName(shopName ?? ''), [shopName]);

  const next = code.trim().toUpperCase();
  const codeError = isCurrencyInUse(next) ? null : t('store.currencyUnknown');
  const save = async () => {
    if (codeError) return;
    // Amounts are kept in the currency's smallest unit: other decimals re-read every amount.
    if (isSet && hasAmounts && minorDigits(next) !== minorDigits(currency)) {
      const ok = await ask({
        title: t('store.switchTitle', { code: next }),
        message: t('store.switchMessage', {
          from: currency,
          fromDigits: minorDigits(currency),
          to: next,
          toDigits: minorDigits(next),
        }),
        confirmLabel: t('store.switchConfirm', { code: next }),
        destructive: true,
      });
      if (!ok) return;
    }
    try {
      await setStore({ currency: next, shopName: name.trim() || null });
      setError(undefined);
      setSaved(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card>
      <Text style={[styles.title, alignStart]}>{t('store.title')}</Text>
      <TextField
        label={t('store.shopName')}
        value={name}
        onChangeText={(t) => {
          setName(t);
          setSaved(false);
        }}
        maxLength={200}
      />
      <TextField
        label={t('store.currency')}
        value={code}
        onChangeText={(t) => {
          setCode(t);
          setSaved(false);
        }}
        autoCapitalize="characters"
        maxLength={3}
        error={codeError}
        hint={isSet ? null : t('store.suggested', { currency })}
      />
      <FormError message={error} />
      <Button compact variant="secondary" label={t('store.save')} disabled={!!codeError} onPress={save} />
      {saved ? <Muted>{t('store.saved')}</Muted> : null}
      {dialog}
    </Card>
  );
}

const styles = StyleSheet.create({ title: { fontSize: 16, fontWeight: '700', color: colors.text } });
