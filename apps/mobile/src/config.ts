/**
 * Build-time settings. Expo inlines `EXPO_PUBLIC_*` variables when it bundles
 * (each must be read as a literal `process.env.EXPO_PUBLIC_…`), so a build
 * carries the server it talks to and the Google client ids of its platform.
 */
const configuredServer = process.env.EXPO_PUBLIC_STORESYNC_URL ?? 'http://localhost:3000';

/**
 * `same-origin`: the web export the server itself serves (at `/app`) talks to the origin it was
 * loaded from, so one build works behind any address. Only a web page has an origin.
 */
export const SERVER_URL = (configuredServer === 'same-origin' ? sameOrigin() : configuredServer).replace(
  /\/+$/,
  '',
);

function sameOrigin(): string {
  const origin = typeof window !== 'undefined' ? window.location?.origin : undefined;
  if (!origin) throw new Error('EXPO_PUBLIC_STORESYNC_URL=same-origin is for the web export only');
  return origin;
}

/** The web client id of the Google project: what the server accepts as the ID token's `aud`. */
export const GOOGLE_WEB_CLIENT_ID = process.env.EXPO_PUBLIC_GOOGLE_WEB_CLIENT_ID ?? '';

/** The iOS client id (Android needs none: it is matched by package name and signing key). */
export const GOOGLE_IOS_CLIENT_ID = process.env.EXPO_PUBLIC_GOOGLE_IOS_CLIENT_ID ?? '';
