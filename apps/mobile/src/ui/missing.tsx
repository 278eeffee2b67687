import type { Entity } from '@storesync/schema';
import { useRouter } from 'expo-router';
import { useT } from '../i18n/locale';
import { Button } from './button';
import { goBack } from './go-back';
import { Muted, Screen } from './layout';

/** A row that is not (or no longer) in the book: deleted here or on another device. */
export function Missing({ entity }: { entity: Entity }) {
  const router = useRouter();
  const t = useT();
  return (
    <Screen>
      <Muted>{t('common.missing', { entity })}</Muted>
      <Button label={t('common.back')} variant="secondary" onPress={() => goBack(router)} />
    </Screen>
  );
}
