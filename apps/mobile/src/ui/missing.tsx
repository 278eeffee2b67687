import { useRouter } from 'expo-router';
import { Button } from './button';
import { goBack } from './go-back';
import { Muted, Screen } from './layout';

/** A row that is not (or no longer) in the book: deleted here or on another device. */
export function Missing({ what }: { what: string }) {
  const router = useRouter();
  return (
    <Screen>
      <Muted>{`No such ${what}: it may have been deleted on another device.`}</Muted>
      <Button label="Back" variant="secondary" onPress={() => goBack(router)} />
    </Screen>
  );
}
