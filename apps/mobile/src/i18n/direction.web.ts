/**
 * The web export's direction: the document's `dir` (and `lang`). The browser mirrors flex rows and
 * start/end styles at once; nothing to restart.
 */
export function setLayoutDirection(dir: 'ltr' | 'rtl', lang?: string): boolean {
  const root = globalThis.document?.documentElement;
  if (root) {
    root.dir = dir;
    if (lang) root.lang = lang;
  }
  return false;
}

export const restartApp = async () => undefined;
