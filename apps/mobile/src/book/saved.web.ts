/** The web build's stand-in for secure storage: localStorage of the app's origin. */
export const saved = {
  get: async (key: string): Promise<string | null> => globalThis.localStorage.getItem(key),
  set: async (key: string, value: string): Promise<void> => globalThis.localStorage.setItem(key, value),
  remove: async (key: string): Promise<void> => globalThis.localStorage.removeItem(key),
};
