import { describe, expect, it } from 'vitest';
import {
  activityPath,
  buildPath,
  credentialPath,
  credentialReviewSearchPath,
  findCredentialPath,
  rotateCredentialPath,
  ROUTES,
  routeParams,
  serviceAccountPath,
  serviceAccountsPath,
} from './paths';

describe('paths', () => {
  it('builds each page from its route pattern', () => {
    expect(serviceAccountsPath('acme')).toBe('/orgs/acme/service-accounts');
    expect(serviceAccountPath('acme', 'sa1')).toBe('/orgs/acme/service-accounts/sa1');
    expect(credentialPath('acme', 'sa1', 'cr1')).toBe('/orgs/acme/service-accounts/sa1/credentials/cr1');
    expect(rotateCredentialPath('acme', 'sa1', 'cr1')).toBe('/orgs/acme/service-accounts/sa1/credentials/cr1/rotate');
    expect(findCredentialPath('acme', 'ci_1')).toBe('/orgs/acme/find-credential?client_id=ci_1');
    expect(credentialReviewSearchPath('acme', 'deploy bot')).toBe('/orgs/acme/credentials?q=deploy+bot');
  });

  it('encodes every segment, so an id cannot change the shape of the path', () => {
    expect(credentialPath('a/b', '../x', 'c?d')).toBe('/orgs/a%2Fb/service-accounts/..%2Fx/credentials/c%3Fd');
  });

  it('adds a query string only when there is one', () => {
    expect(activityPath('acme', new URLSearchParams())).toBe('/orgs/acme/activity');
    expect(activityPath('acme', { target: 'cr1' })).toBe('/orgs/acme/activity?target=cr1');
    expect(buildPath(ROUTES.serviceAccounts, { org: 'acme' }, new URLSearchParams({ limit: '25' }))).toBe(
      '/orgs/acme/service-accounts?limit=25',
    );
  });

  it("reads a pattern's params, and refuses a route that lacks one", () => {
    expect(routeParams(ROUTES.credential, { org: 'acme', serviceAccountId: 'sa1', credentialId: 'cr1', extra: 'x' })).toEqual({
      org: 'acme',
      serviceAccountId: 'sa1',
      credentialId: 'cr1',
    });
    expect(() => routeParams(ROUTES.serviceAccount, { org: 'acme' })).toThrow(/:serviceAccountId/);
  });
});
