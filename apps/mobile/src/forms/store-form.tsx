import { isCurrencyInUse, minorDigits } from '@storesync/schema';
import { useEffect, useState } from 'react';
import { StyleSheet, Text } from 'react-native';
import { useCurrency } from '../book/currency';
import { useRead } from '../book/reads';
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
  useEffect(() => setCode(currency), [currency]);
  useEffect(() => setName(shopName ?? ''), [shopName]);

  const next = code.trim().toUpperCase();
  const codeError = isCurrencyInUse(next)
    ? null
    : 'Use the code of a currency in use, such as KES, UGX or USD';
  const save = async () => {
    if (codeError) return;
    // Amounts are kept in the currency's smallest unit: other decimals re-read every amount.
    if (isSet && hasAmounts && minorDigits(next) !== minorDigits(currency)) {
      const ok = await ask({
        title: `Switch to ${next}?`,
        message: `${currency} has ${minorDigits(currency)} decimals and ${next} has ${minorDigits(next)}: every amount already recorded would read differently. Switch only to correct a wrong currency.`,
        confirmLabel: `Switch to ${next}`,
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
      <Text style={styles.title}>Store</Text>
      <TextField
        label="Shop name"
        value={name}
        onChangeText={(t) => {
          setName(t);
          setSaved(false);
        }}
        maxLength={200}
      />
      <TextField
        label="Currency (3-letter code)"
        value={code}
        onChangeText={(t) => {
          setCode(t);
          setSaved(false);
        }}
        autoCapitalize="characters"
        maxLength={3}
        error={codeError}
        hint={isSet ? null : `Suggested from this phone's region: ${currency}. Save it for every device.`}
      />
      <FormError message={error} />
      <Button
        compact
        variant="secondary"
        label="Save for every device"
        disabled={!!codeError}
        onPress={save}
      />
      {saved ? <Muted>Saved. Every device of the store gets it when it syncs.</Muted> : null}
      {dialog}
    </Card>
  );
}

const styles = StyleSheet.create({ title: { fontSize: 16, fontWeight: '700', color: colors.text } });
