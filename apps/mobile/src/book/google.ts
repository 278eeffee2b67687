import { isRunningInExpoGo } from 'expo';
import { GOOGLE_IOS_CLIENT_ID, GOOGLE_WEB_CLIENT_ID } from '../config';

/**
 * Whether this build can offer Google Sign-In: it was given the client ids,
 * and it is not Expo Go, which lacks the library's native module.
 */
export const googleConfigured = GOOGLE_WEB_CLIENT_ID !== '' && !isRunningInExpoGo();

/**
 * Google's account picker on the device; resolves the ID token for
 * `auth.signIn`, or null when the owner closed the picker. The token's
 * audience is the web client id, which the server lists in GOOGLE_CLIENT_IDS.
 * The library is loaded here, not at start-up: it throws on load without its native module.
 */
export async function googleIdToken(): Promise<string | null> {
  const { GoogleSignin, isSuccessResponse } = await import('@react-native-google-signin/google-signin');
  GoogleSignin.configure({
    webClientId: GOOGLE_WEB_CLIENT_ID,
    ...(GOOGLE_IOS_CLIENT_ID && { iosClientId: GOOGLE_IOS_CLIENT_ID }),
  });
  await GoogleSignin.hasPlayServices();
  // Always offer the account picker, not the account used last time.
  await GoogleSignin.signOut().catch(() => undefined);
  const response = await GoogleSignin.signIn();
  if (!isSuccessResponse(response)) return null;
  if (!response.data.idToken) throw new Error('Google gave no ID token: check the web client id');
  return response.data.idToken;
}
