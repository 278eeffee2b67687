import type { FetchLike } from '../transport.ts';

/**
 * - `drop`: the request never reaches the server;
 * - `lose-response`: the server handles it, the answer is lost on the way back;
 * - `twice`: the request is delivered twice (a retrying proxy); the second answer is returned.
 */
export type Fault = 'drop' | 'lose-response' | 'twice';

export interface RequestPlan {
  fault: Fault | null;
  /** Runs once the server has answered, before the client sees the answer: a race window. */
  during?: () => Promise<void>;
}

export interface FaultyFetch {
  fetch: FetchLike;
  /** Applies `plan` to the `nth` request from now (0: the next one). */
  inject(nth: number, plan: RequestPlan): void;
  /** Cancels a plan not yet applied. */
  clear(): void;
}

const networkError = (what: string) => new TypeError(`fetch failed (injected: ${what})`);

/** A `fetch` for the tRPC link that breaks requests on cue, deterministically. */
export function createFaultyFetch(): FaultyFetch {
  let planned: { nth: number; plan: RequestPlan } | null = null;
  return {
    async fetch(input, init) {
      const plan = planned?.nth === 0 ? planned.plan : null;
      if (planned) planned = planned.nth === 0 ? null : { ...planned, nth: planned.nth - 1 };
      if (plan?.fault === 'drop') throw networkError('request dropped');
      let res = await fetch(input, init);
      if (plan?.fault === 'twice') {
        await res.arrayBuffer();
        res = await fetch(input, init);
      }
      await plan?.during?.();
      if (plan?.fault !== 'lose-response') return res;
      await res.arrayBuffer();
      throw networkError('response lost');
    },
    inject(nth, plan) {
      planned = { nth, plan };
    },
    clear() {
      planned = null;
    },
  };
}
