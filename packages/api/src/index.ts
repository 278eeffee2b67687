export { upsertUser } from './auth/sessions.ts';
export { browserDeviceName } from './auth/user-agent.ts';
export {
  createWebSession,
  findWebSession,
  revokeWebSession,
  type WebSessionClaims,
} from './auth/web-sessions.ts';
export { type ApiConfig, DEFAULT_GOOGLE_JWKS_URL, defaultApiConfig } from './config.ts';
export { type Auth, type Context, createContext, createContextInner } from './context.ts';
export { DEMO_EMAIL, seedDemoStore } from './dashboard/demo-seed.ts';
export { createTrpcHandler, type TrpcHandlerOptions } from './http.ts';
export { DEFAULT_RATE_LIMITS, type LimitRule, type RateLimits } from './limits/rules.ts';
export { type PokeHub, type PokeHubOptions, startPokeHub } from './live/hub.ts';
export { createLogger, type Logger } from './log.ts';
export { observePool, type PoolCounts } from './metrics.ts';
export { createMetricsHandler } from './metrics-door.ts';
export { openApiDocument } from './openapi.ts';
export { createRestHandlers, type RestHandlerOptions } from './rest.ts';
export { type AppRouter, appRouter, createCaller } from './root.ts';
export { STATEMENT_HEADERS, type StatementDoor, statementResponse } from './statement/page.ts';
export {
  type CompactOptions,
  compactBatch,
  compactStore,
  DEFAULT_COMPACTION,
  pauseAfter,
} from './sync/compact.ts';
export { cutPage, PAGE_BYTES, PULL_PAGE_SQL } from './sync/pull.ts';
export { applyPush } from './sync/push.ts';
