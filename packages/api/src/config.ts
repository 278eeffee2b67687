/** What the API needs from its host; built from the environment by the app, directly by tests. */
export interface ApiConfig {
  /** OAuth client ids (web, Android, iOS) accepted as a Google ID token's audience. */
  googleClientIds: string[];
  googleJwksUrl: string;
  /** Least time between two JWKS fetches prompted by an unknown key id. */
  jwksCooldownMs: number;
  /** Enables `auth.devSignIn`. Never in production. */
  devLogin: boolean;
  sessionTtlMs: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_GOOGLE_JWKS_URL = 'https://www.googleapis.com/oauth2/v3/certs';

export const defaultApiConfig = (overrides: Partial<ApiConfig> = {}): ApiConfig => ({
  googleClientIds: [],
  googleJwksUrl: DEFAULT_GOOGLE_JWKS_URL,
  jwksCooldownMs: 30_000,
  devLogin: false,
  sessionTtlMs: 30 * 24 * 60 * 60 * 1000,
  maxBodyBytes: 4 * 1024 * 1024,
  ...overrides,
});
