import * as SecureStore from 'expo-secure-store';

/**
 * Small values kept across launches: the session token in the platform's
 * secure storage (Keychain, Keystore). The web build has none and uses
 * localStorage instead (see saved.web.ts).
 */
export const saved = {
  get: (key: string): Promise<string | null> => SecureStore.getItemAsync(key),
  // Readable after the first unlock: the background task may run while the phone is locked.
  set: (key: string, value: string): Promise<void> =>
    SecureStore.setItemAsync(key, value, { keychainAccessible: SecureStore.AFTER_FIRST_UNLOCK }),
  remove: (key: string): Promise<void> => SecureStore.deleteItemAsync(key),
};
