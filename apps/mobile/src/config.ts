/**
 * Build-time settings. Expo inlines `EXPO_PUBLIC_*` variables when it bundles
 * (each must be read as a literal `process.env.EXPO_PUBLIC_…`), so a build
 * carries the server it talks to and the Google client ids of its platform.
 */
export const SERVER_URL = (process.env.EXPO_PUBLIC_STORESYNC_URL ?? 'http://localhost:3000').replace(
  /\/+$/,
  '',
);

/** The web client id of the Google project: what the server accepts as the ID token's `aud`. */
export const GOOGLE_WEB_CLIENT_ID = process.env.EXPO_PUBLIC_GOOGLE_WEB_CLIENT_ID ?? '';

/** The iOS client id (Android needs none: it is matched by package name and signing key). */
export const GOOGLE_IOS_CLIENT_ID = process.env.EXPO_PUBLIC_GOOGLE_IOS_CLIENT_ID ?? '';
