/** Native builds have no service worker: see register.web.ts. */
export {};
