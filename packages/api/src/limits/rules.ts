/** A fixed-window limit: at most `max` hits per `windowSeconds`. */
export interface LimitRule {
  max: number;
  windowSeconds: number;
  /**
   * Hits one process may count in memory before adding them to the shared counter (see
   * limiter.ts): 1 writes every hit. By default 1/20 of `max`, at most 50.
   */
  batch?: number;
}

export interface RateLimits {
  /** Requests of one session (a phone's token, or a dashboard session), every door together. */
  perSession: LimitRule;
  /** Sign-ins from one client address. */
  signInPerAddress: LimitRule;
  /** Sign-ins to one account (store). */
  signInPerAccount: LimitRule;
  /**
   * Requests refused as not signed in (a bad or expired token) from one client address; only
   * failures count, so a good request writes nothing for it. Unset: not limited.
   */
  failedAuthPerAddress?: LimitRule;
  /**
   * Statement pages (`/s/<token>`) asked for by one client address, found or not, counted in each
   * process's memory (local-limiter.ts; `batch` does not apply). Unset: the default.
   */
  statementPerAddress?: LimitRule;
}

/**
 * Limits a real shop never reaches. A phone syncs at most every few seconds,
 * and a sync is one push plus a pull or two: ~60 requests a minute. A new
 * device catching up pulls pages back to back (500 events each), and a
 * dashboard page makes a few queries per click: 600 a minute (10 a second,
 * a 300,000-event catch-up a minute) leaves ten times the headroom.
 * A device signs in once per 30-day session and a shop has a handful of
 * devices: 10 sign-ins a minute per account is twice "every device at once".
 * An address may be shared by several shops (carrier NAT): 20 a minute.
 * A device whose session ended hears 401 once and asks its owner to sign in again: 60 failed
 * requests a minute from one address is a guesser, or a client gone wrong.
 * A customer opens their statement now and then: 100 pages a minute from one address (a carrier
 * NAT's many customers) is far beyond that, and 1,000 guesses meet a 429 after the first 100.
 */
export const DEFAULT_RATE_LIMITS: Required<RateLimits> = {
  perSession: { max: 600, windowSeconds: 60 },
  signInPerAddress: { max: 20, windowSeconds: 60 },
  signInPerAccount: { max: 10, windowSeconds: 60 },
  failedAuthPerAddress: { max: 60, windowSeconds: 60 },
  statementPerAddress: { max: 100, windowSeconds: 60 },
};
