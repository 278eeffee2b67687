/** The web build has no native Google Sign-In (the library's web support is sponsor-only). */
export const googleConfigured = false;
export async function googleIdToken(): Promise<string | null> {
  throw new Error('Google sign-in runs on Android and iOS');
}
