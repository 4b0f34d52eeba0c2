import { describe, expect, it } from 'vitest';
import {
  activityPath,
  credentialPath,
  credentialReviewPath,
  findCredentialPath,
  rotateCredentialPath,
  serviceAccountPath,
  serviceAccountsPath,
} from '../lib/paths';
import { matchPage } from './pages';

const pageForPath = (pathname: string) => matchPage(pathname)?.name;

const pathname = (href: string) => new URL(href, 'http://console.test').pathname;

describe('matchPage (which chunk and requests to start first)', () => {
  it('names the page of every link the console builds', () => {
    expect(pageForPath('/')).toBe('home');
    expect(pageForPath('/sign-in')).toBe('signIn');
    expect(pageForPath(pathname(serviceAccountsPath('acme')))).toBe('serviceAccounts');
    expect(pageForPath(pathname(serviceAccountPath('acme', 'sa_1')))).toBe('serviceAccount');
    expect(pageForPath(pathname(credentialPath('acme', 'sa_1', 'cred_1')))).toBe('credential');
    expect(pageForPath(pathname(rotateCredentialPath('acme', 'sa_1', 'cred_1')))).toBe('rotateCredential');
    expect(pageForPath(pathname(credentialReviewPath('acme')))).toBe('credentialReview');
    expect(pageForPath(pathname(findCredentialPath('acme', 'client-1')))).toBe('findCredential');
    expect(pageForPath(pathname(activityPath('acme')))).toBe('activity');
  });

  it('reads the parameters as the router does (decoded)', () => {
    expect(matchPage(pathname(credentialPath('acme corp', 'sa/1', 'cred_1')))).toEqual({
      name: 'credential',
      params: { org: 'acme corp', serviceAccountId: 'sa/1', credentialId: 'cred_1' },
    });
    expect(matchPage('/orgs/%E0%A4%A/service-accounts')?.params).toEqual({ org: '%E0%A4%A' });
  });

  it('tolerates a trailing slash and names nothing for unknown paths', () => {
    expect(pageForPath('/orgs/acme/service-accounts/')).toBe('serviceAccounts');
    expect(pageForPath('/orgs/acme/nope')).toBeUndefined();
    expect(pageForPath('/orgs/acme/service-accounts/sa_1/credentials')).toBeUndefined();
  });
});
