import { describe, expect, it } from 'vitest';
import * as paths from './paths';

const { ROUTES } = paths;

describe('paths', () => {
  it('builds each page from its route pattern', () => {
    expect(paths.serviceAccountsPath('acme')).toBe('/orgs/acme/service-accounts');
    expect(paths.serviceAccountPath('acme', 'sa1')).toBe('/orgs/acme/service-accounts/sa1');
    expect(paths.credentialPath('acme', 'sa1', 'cr1')).toBe('/orgs/acme/service-accounts/sa1/credentials/cr1');
    expect(paths.rotateCredentialPath('acme', 'sa1', 'cr1')).toBe('/orgs/acme/service-accounts/sa1/credentials/cr1/rotate');
    expect(paths.findCredentialPath('acme', 'ci_1')).toBe('/orgs/acme/find-credential?client_id=ci_1');
    expect(paths.credentialReviewPath('acme', { q: 'deploy bot' })).toBe('/orgs/acme/credentials?q=deploy+bot');
  });

  it('encodes every segment, so an id cannot change the shape of the path', () => {
    expect(paths.credentialPath('a/b', '../x', 'c?d')).toBe('/orgs/a%2Fb/service-accounts/..%2Fx/credentials/c%3Fd');
  });

  it('adds a query string only when there is one', () => {
    expect(paths.activityPath('acme', new URLSearchParams())).toBe('/orgs/acme/activity');
    expect(paths.activityPath('acme', { target: 'cr1' })).toBe('/orgs/acme/activity?target=cr1');
    expect(paths.buildPath(ROUTES.serviceAccounts, { org: 'acme' }, new URLSearchParams({ limit: '25' }))).toBe(
      '/orgs/acme/service-accounts?limit=25',
    );
  });

  it("reads a pattern's params", () => {
    expect(paths.routeParams(ROUTES.credential, { org: 'acme', serviceAccountId: 'sa1', credentialId: 'cr1', extra: 'x' })).toEqual({
      org: 'acme',
      serviceAccountId: 'sa1',
      credentialId: 'cr1',
    });
  });
});
