export { upsertUser } from './auth/sessions.ts';
export { type ApiConfig, DEFAULT_GOOGLE_JWKS_URL, defaultApiConfig } from './config.ts';
export { type Auth, type Context, createContext, createContextInner } from './context.ts';
export { DEMO_EMAIL, seedDemoStore } from './dashboard/demo-seed.ts';
export { createTrpcHandler, type TrpcHandlerOptions } from './http.ts';
export { openApiDocument } from './openapi.ts';
export { createRestHandlers, type RestHandlerOptions } from './rest.ts';
export { type AppRouter, appRouter, createCaller } from './root.ts';
export { applyPush } from './sync/push.ts';
