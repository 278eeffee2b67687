import { describe, expect, it } from 'vitest';
import { defaultApiConfig } from './config.ts';
import type { Auth, RequestContextOptions } from './context.ts';
import { isCrossOrigin, withSameOriginWebAuth } from './cross-origin.ts';

const request = (headers: Record<string, string>) =>
  new Request('http://shop.example:3000/api/trpc/customers.list', {
    headers: { host: 'shop.example:3000', ...headers },
  });

describe('isCrossOrigin', () => {
  it('believes Sec-Fetch-Site: only same-origin and a typed-in address are the app itself', () => {
    expect(isCrossOrigin(request({ 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(isCrossOrigin(request({ 'sec-fetch-site': 'none' }))).toBe(false);
    // Another port of the same host is the same site but another origin.
    expect(
      isCrossOrigin(request({ 'sec-fetch-site': 'same-site', origin: 'http://shop.example:4000' })),
    ).toBe(true);
    expect(
      isCrossOrigin(request({ 'sec-fetch-site': 'cross-site', origin: 'http://shop.example:3000' })),
    ).toBe(true);
  });

  it('without Sec-Fetch-Site, compares Origin with the host the request was sent to', () => {
    expect(isCrossOrigin(request({}))).toBe(false);
    expect(isCrossOrigin(request({ origin: 'http://shop.example:3000' }))).toBe(false);
    // Behind a TLS proxy the scheme differs from the app's; the host is what names the app.
    expect(isCrossOrigin(request({ origin: 'https://shop.example:3000' }))).toBe(false);
    expect(isCrossOrigin(request({ origin: 'http://evil.example' }))).toBe(true);
    expect(isCrossOrigin(request({ origin: 'http://shop.example:4000' }))).toBe(true);
    expect(isCrossOrigin(request({ origin: 'null' }))).toBe(true);
    expect(isCrossOrigin(request({ origin: 'not a url' }))).toBe(true);
    expect(
      isCrossOrigin(request({ origin: 'https://shop.example', 'x-forwarded-host': 'shop.example' })),
    ).toBe(false);
  });
});

describe('withSameOriginWebAuth', () => {
  const owner = { user: { id: 'u1' }, deviceId: 'web', sessionId: null } as unknown as Auth;
  const opts = withSameOriginWebAuth<RequestContextOptions>({
    getDb: () => Promise.reject(new Error('not used')),
    config: defaultApiConfig({}),
    webAuth: () => Promise.resolve(owner),
  });

  it('reads the cookie session for the app’s own pages and ignores it for any other origin', async () => {
    expect(await opts.webAuth?.(request({ 'sec-fetch-site': 'same-origin' }))).toBe(owner);
    expect(await opts.webAuth?.(request({}))).toBe(owner);
    expect(await opts.webAuth?.(request({ 'sec-fetch-site': 'same-site' }))).toBeNull();
    expect(await opts.webAuth?.(request({ origin: 'http://evil.example' }))).toBeNull();
  });
});
