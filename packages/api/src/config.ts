import { DEFAULT_RATE_LIMITS, type RateLimits } from './limits/rules.ts';

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
  /** Longest wait for a request body to arrive in full; slower is `TIMEOUT` (408). */
  bodyTimeoutMs: number;
  /** Most calls in one batched tRPC request; more is `BAD_REQUEST`. */
  maxBatchSize: number;
  /** Live sessions one account may hold; signing in past it revokes the oldest. */
  maxSessionsPerAccount: number;
  /** Proxies in front of the app that append to `X-Forwarded-For` (see clientAddressOf). */
  trustedProxyHops: number;
  limits: RateLimits;
  /**
   * With a read replica: longest a pull waits for the replica to catch up with the store's
   * newest event before it reads from the primary instead (sync/pull-source.ts).
   */
  replicaWaitMs: number;
}

export const DEFAULT_GOOGLE_JWKS_URL = 'https://www.googleapis.com/oauth2/v3/certs';

export const defaultApiConfig = (overrides: Partial<ApiConfig> = {}): ApiConfig => ({
  googleClientIds: [],
  googleJwksUrl: DEFAULT_GOOGLE_JWKS_URL,
  jwksCooldownMs: 30_000,
  devLogin: false,
  sessionTtlMs: 30 * 24 * 60 * 60 * 1000,
  maxBodyBytes: 4 * 1024 * 1024,
  // A full push (500 events, ~200 KB) takes ~2 s at 1 Mbit/s; a trickled body would hold a connection.
  bodyTimeoutMs: 10_000,
  // The dashboard batches a page's few queries; 150 pulls in one GET made a 29 MB answer.
  maxBatchSize: 10,
  // A shop has a handful of devices; re-signing from one device replaces its session anyway.
  maxSessionsPerAccount: 20,
  trustedProxyHops: 0,
  limits: DEFAULT_RATE_LIMITS,
  // Streaming replication on a LAN replays a commit in a few ms; a poked pull arrives as fast.
  replicaWaitMs: 20,
  ...overrides,
});
