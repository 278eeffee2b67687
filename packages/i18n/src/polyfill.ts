// Browsers and Node have the whole of `Intl`: nothing to add. The phone's Hermes loads
// `polyfill.native.ts` instead (Metro picks the platform file).
export {};
