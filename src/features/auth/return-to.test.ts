import { describe, expect, it } from 'vitest';
import { safeReturnTo, signInPath } from './return-to';

describe('safeReturnTo', () => {
  it.each([
    ['/orgs/acme/service-accounts?limit=25&after=abc', '/orgs/acme/service-accounts?limit=25&after=abc'],
    ['/orgs/acme/credentials#stale', '/orgs/acme/credentials#stale'],
    ['/', '/'],
  ])('keeps the same-origin path %s', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });

  it.each([
    [null],
    [''],
    ['orgs/acme'],
    ['https://evil.example/phish'],
    ['//evil.example/phish'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['javascript:alert(1)'],
    ['/sign-in?returnTo=/x'],
  ])('falls back to / for %s', (input) => {
    expect(safeReturnTo(input)).toBe('/');
  });
});

describe('signInPath', () => {
  it('carries the current path and search as returnTo', () => {
    const path = signInPath({ pathname: '/orgs/acme/service-accounts', search: '?limit=25' });
    const url = new URL(path, 'http://x');
    expect(url.pathname).toBe('/sign-in');
    expect(url.searchParams.get('returnTo')).toBe('/orgs/acme/service-accounts?limit=25');
  });

  it('keeps a deep link\'s #hash in returnTo', () => {
    const path = signInPath({ pathname: '/orgs/acme/credentials', search: '?status=stale', hash: '#table' });
    expect(new URL(path, 'http://x').searchParams.get('returnTo')).toBe('/orgs/acme/credentials?status=stale#table');
    expect(safeReturnTo(new URL(path, 'http://x').searchParams.get('returnTo'))).toBe(
      '/orgs/acme/credentials?status=stale#table',
    );
  });

  it('adds reason=expired when asked, and no returnTo for / or the sign-in page itself', () => {
    expect(signInPath({ pathname: '/', search: '' })).toBe('/sign-in');
    expect(signInPath({ pathname: '/sign-in', search: '?returnTo=/a' }, { expired: true })).toBe(
      '/sign-in?reason=expired',
    );
  });
});
