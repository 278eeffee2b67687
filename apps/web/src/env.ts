import {
  type ApiConfig,
  DEFAULT_GOOGLE_JWKS_URL,
  DEFAULT_RATE_LIMITS,
  defaultApiConfig,
  type LimitRule,
} from '@storesync/api';
import { z } from 'zod';

const list = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .default('')
  .transform((v) => v === '1' || v === 'true');

/** The server's whole configuration, validated once. Nothing else reads `process.env`. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(20),
  // PostgreSQL itself when DATABASE_URL is PgBouncer in transaction mode: migrations (a session
  // lock) and LISTEN need a session of their own. DATABASE_URL by default.
  DATABASE_DIRECT_URL: z.url().optional(),
  // A streaming replica for pulls; a pull never shows its lag (see docs/deploy.md).
  DATABASE_REPLICA_URL: z.url().optional(),
  DATABASE_REPLICA_POOL_SIZE: z.coerce.number().int().positive().optional(),
  // Longest a pull waits for a lagging replica before it reads from the primary.
  DATABASE_REPLICA_WAIT_MS: z.coerce.number().int().min(0).default(20),
  // Change-log entries older than this many days are compacted (superseded ones, and tombstones);
  // 0 turns compaction off. A device offline longer is told to resync (docs/protocol.md).
  LOG_HORIZON_DAYS: z.coerce.number().int().min(0).max(36500).default(90),
  // How long the server waits at start for a PostgreSQL that does not answer yet (serving
  // /health, 503 elsewhere) before it exits 1. Unset or empty: forever; 0: one attempt.
  DATABASE_WAIT_SECONDS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().min(0).optional()),
  DATA_DIR: z.string().default('.data/pglite'),
  GOOGLE_CLIENT_IDS: list,
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  GOOGLE_JWKS_URL: z.url().default(DEFAULT_GOOGLE_JWKS_URL),
  DEV_LOGIN: flag,
  AUTH_SECRET: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  SESSION_TTL_DAYS: z.coerce.number().positive().default(30),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  // Reverse proxies in front of the app that append to X-Forwarded-For (the client address of the
  // per-address limits). 0: none, the header is the client's own word and is ignored.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  // The bearer token Prometheus sends to GET /metrics; unset, /metrics answers 404.
  METRICS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16).optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Per minute; the defaults (limits/rules.ts) are what a shop never reaches. Load tests raise them.
  RATE_LIMIT_PER_SESSION: z.coerce.number().int().positive().optional(),
  RATE_LIMIT_SIGN_INS_PER_ADDRESS: z.coerce.number().int().positive().optional(),
  RATE_LIMIT_SIGN_INS_PER_ACCOUNT: z.coerce.number().int().positive().optional(),
  RATE_LIMIT_FAILED_AUTHS_PER_ADDRESS: z.coerce.number().int().positive().optional(),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(
    `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
}
const raw = parsed.data;

export const env = {
  ...raw,
  // A fixed secret outside production only, so `pnpm dev` works with nothing configured.
  authSecret:
    raw.AUTH_SECRET ??
    raw.NEXTAUTH_SECRET ??
    (raw.NODE_ENV !== 'production' ? 'storesync-dev-secret' : undefined),
};

/**
 * What makes this configuration unsafe to serve in production (empty when it is safe).
 * Checked when the server boots (`instrumentation.ts`), not on import: `next build`
 * runs as production too and needs no secret.
 */
export function productionRefusals(): string[] {
  if (raw.NODE_ENV !== 'production') return [];
  const refusals: string[] = [];
  if (raw.DEV_LOGIN) refusals.push('DEV_LOGIN is on: anyone could sign in as any store');
  if (!env.authSecret)
    refusals.push('AUTH_SECRET (or NEXTAUTH_SECRET) is not set: dashboard sessions need it');
  return refusals;
}

const perMinute = (max: number | undefined, rule: LimitRule): LimitRule =>
  max === undefined ? rule : { max, windowSeconds: 60 };

/** The change log's compaction (server/compaction.ts): null when LOG_HORIZON_DAYS is 0. */
export const compaction =
  raw.LOG_HORIZON_DAYS > 0 ? { horizonDays: raw.LOG_HORIZON_DAYS, batch: 1000 } : null;

export const apiConfig: ApiConfig = defaultApiConfig({
  googleClientIds: raw.GOOGLE_CLIENT_IDS,
  googleJwksUrl: raw.GOOGLE_JWKS_URL,
  devLogin: raw.DEV_LOGIN,
  sessionTtlMs: raw.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
  maxBodyBytes: raw.MAX_BODY_BYTES,
  trustedProxyHops: raw.TRUSTED_PROXY_HOPS,
  replicaWaitMs: raw.DATABASE_REPLICA_WAIT_MS,
  limits: {
    perSession: perMinute(raw.RATE_LIMIT_PER_SESSION, DEFAULT_RATE_LIMITS.perSession),
    signInPerAddress: perMinute(raw.RATE_LIMIT_SIGN_INS_PER_ADDRESS, DEFAULT_RATE_LIMITS.signInPerAddress),
    signInPerAccount: perMinute(raw.RATE_LIMIT_SIGN_INS_PER_ACCOUNT, DEFAULT_RATE_LIMITS.signInPerAccount),
    failedAuthPerAddress: perMinute(
      raw.RATE_LIMIT_FAILED_AUTHS_PER_ADDRESS,
      DEFAULT_RATE_LIMITS.failedAuthPerAddress,
    ),
  },
});
