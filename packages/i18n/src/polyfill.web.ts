// The phone app's web build: the browser has the whole of `Intl`. Metro may prefer `.native.ts`
// over `.ts` on any platform, so the web gets its own empty file rather than the native polyfills.
export {};
