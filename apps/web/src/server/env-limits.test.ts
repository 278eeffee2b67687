import { afterEach, describe, expect, it, vi } from 'vitest';

/** env.ts as a process started with `vars` would read it. */
async function envWith(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return import('~/env');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the environment’s limits and metrics settings', () => {
  it('trusts no proxy’s X-Forwarded-For unless TRUSTED_PROXY_HOPS says so', async () => {
    expect((await envWith({ TRUSTED_PROXY_HOPS: undefined })).apiConfig.trustedProxyHops).toBe(0);
    expect((await envWith({ TRUSTED_PROXY_HOPS: '1' })).apiConfig.trustedProxyHops).toBe(1);
  });

  it('limits failed authentications per address, 60 a minute unless configured', async () => {
    const { apiConfig } = await envWith({ RATE_LIMIT_FAILED_AUTHS_PER_ADDRESS: undefined });
    expect(apiConfig.limits.failedAuthPerAddress).toEqual({ max: 60, windowSeconds: 60 });
    const set = await envWith({ RATE_LIMIT_FAILED_AUTHS_PER_ADDRESS: '5' });
    expect(set.apiConfig.limits.failedAuthPerAddress).toEqual({ max: 5, windowSeconds: 60 });
  });

  it('takes a METRICS_TOKEN of 16 characters or more, and none by default', async () => {
    expect((await envWith({ METRICS_TOKEN: undefined })).env.METRICS_TOKEN).toBeUndefined();
    expect((await envWith({ METRICS_TOKEN: 'a'.repeat(32) })).env.METRICS_TOKEN).toBe('a'.repeat(32));
    await expect(envWith({ METRICS_TOKEN: 'short' })).rejects.toThrow(/METRICS_TOKEN/);
  });
});
