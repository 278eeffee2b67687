import { GoogleSignin, isSuccessResponse } from '@react-native-google-signin/google-signin';
import { GOOGLE_IOS_CLIENT_ID, GOOGLE_WEB_CLIENT_ID } from '../config';

/** Whether this build was given the Google client ids it needs. */
export const googleConfigured = GOOGLE_WEB_CLIENT_ID !== '';

/**
 * Google's account picker on the device; resolves the ID token for
 * `auth.signIn`, or null when the owner closed the picker. The token's
 * audience is the web client id, which the server lists in GOOGLE_CLIENT_IDS.
 */
export async function googleIdToken(): Promise<string | null> {
  GoogleSignin.configure({
    webClientId: GOOGLE_WEB_CLIENT_ID,
    ...(GOOGLE_IOS_CLIENT_ID && { iosClientId: GOOGLE_IOS_CLIENT_ID }),
  });
  await GoogleSignin.hasPlayServices();
  const response = await GoogleSignin.signIn();
  if (!isSuccessResponse(response)) return null;
  if (!response.data.idToken) throw new Error('Google gave no ID token: check the web client id');
  return response.data.idToken;
}
