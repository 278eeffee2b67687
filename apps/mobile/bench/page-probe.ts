import type { Page } from 'playwright-core';

/** What the probe keeps in the page, on `window.__bench`. */
interface Probe {
  longTasks: { start: number; duration: number }[];
  /** The `timeStamp` of the last click and the last keydown: when the input happened, in page time. */
  input: { click: number; keydown: number };
}

/**
 * Installed with `addInitScript`, so it runs before the app's own scripts: main-thread long tasks
 * (over 50 ms) as they happen, and the time of each tap and keystroke.
 */
export function installProbe() {
  const probe: Probe = { longTasks: [], input: { click: 0, keydown: 0 } };
  (window as unknown as { __bench: Probe }).__bench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  for (const type of ['click', 'keydown'] as const)
    window.addEventListener(
      type,
      (e) => {
        probe.input[type] = e.timeStamp;
      },
      true,
    );
}

/** What to wait for on screen; only visible elements count (screens under the top one stay in the page, hidden). */
export type Sight =
  /** An element with this `data-testid` whose text starts with `prefix`. */
  | { testId: string; prefix: string }
  /** An element whose own text is exactly `text`. */
  | { text: string }
  /** An element with the aria-label `shown`, and none with `gone`. */
  | { shown: string; gone?: string };

/**
 * Starts watching for `sight` now and resolves with the page time of the first animation frame
 * that has it on screen. Start it before the input that should cause it, then await it.
 */
export function seenAt(page: Page, sight: Sight, timeoutMs: number): Promise<number> {
  return page.evaluate(
    ({ sight, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const visible = (el: Element) => el.checkVisibility();
        const byLabel = (label: string) =>
          [...document.querySelectorAll(`[aria-label="${CSS.escape(label)}"]`)].some(visible);
        const check = (): boolean => {
          if ('testId' in sight)
            return [...document.querySelectorAll(`[data-testid="${CSS.escape(sight.testId)}"]`)].some(
              (el) => visible(el) && (el.textContent ?? '').startsWith(sight.prefix),
            );
          if ('text' in sight) {
            const found = document.evaluate(
              `//*[text()=${JSON.stringify(sight.text)}]`,
              document.body,
              null,
              XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
              null,
            );
            for (let i = 0; i < found.snapshotLength; i++) {
              const el = found.snapshotItem(i);
              if (el instanceof Element && visible(el)) return true;
            }
            return false;
          }
          return byLabel(sight.shown) && !(sight.gone && byLabel(sight.gone));
        };
        const until = performance.now() + timeoutMs;
        const frame = () => {
          const now = performance.now();
          if (check()) resolve(now);
          else if (now > until)
            reject(new Error(`not seen within ${timeoutMs} ms: ${JSON.stringify(sight)}`));
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { sight, timeoutMs },
  );
}

/** The time of the last tap or keystroke, in page time. */
export const inputAt = (page: Page, kind: 'click' | 'keydown') =>
  page.evaluate((kind) => (window as unknown as { __bench: Probe }).__bench.input[kind], kind);

/** Main-thread long tasks that started between `from` and `to` (page time): their total and the longest. */
export async function longTasks(
  page: Page,
  from: number,
  to: number,
): Promise<{ total: number; longest: number }> {
  const tasks = await page.evaluate(() => (window as unknown as { __bench: Probe }).__bench.longTasks);
  const inside = tasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration);
  return { total: inside.reduce((a, b) => a + b, 0), longest: Math.max(0, ...inside) };
}
