import type { ConfigContext, ExpoConfig } from 'expo/config';

/**
 * app.json, plus the path the web export is served under. `STORESYNC_WEB_BASE_URL=/app` is set
 * only by the build of the server's `/app` (pwa/build.ts); every other build (the phone's, the
 * e2e tests' export served at `/`) keeps the root.
 */
export default ({ config }: ConfigContext): ExpoConfig => {
  const baseUrl = process.env.STORESYNC_WEB_BASE_URL;
  return {
    ...(config as ExpoConfig),
    experiments: { ...config.experiments, ...(baseUrl ? { baseUrl } : {}) },
  };
};
