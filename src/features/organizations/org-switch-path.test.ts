import { describe, expect, it } from 'vitest';
import { orgSwitchPath } from './org-switch-path';

describe('orgSwitchPath', () => {
  it('keeps the kind of an organization-wide page', () => {
    expect(orgSwitchPath('/orgs/acme/credentials', 'globex')).toBe('/orgs/globex/credentials');
    expect(orgSwitchPath('/orgs/acme/service-accounts', 'globex')).toBe('/orgs/globex/service-accounts');
    expect(orgSwitchPath('/orgs/acme/activity/', 'globex')).toBe('/orgs/globex/activity');
  });

  it('sends pages about one item, and anything else, to the service accounts list', () => {
    expect(orgSwitchPath('/orgs/acme/service-accounts/sa1', 'globex')).toBe('/orgs/globex/service-accounts');
    expect(orgSwitchPath('/orgs/acme/service-accounts/sa1/credentials/c1', 'globex')).toBe('/orgs/globex/service-accounts');
    expect(orgSwitchPath('/', 'globex')).toBe('/orgs/globex/service-accounts');
    expect(orgSwitchPath('/orgs/acme', 'globex')).toBe('/orgs/globex/service-accounts');
    expect(orgSwitchPath('/orgs/acme/no-such-page', 'globex')).toBe('/orgs/globex/service-accounts');
  });

  it('encodes the organization', () => {
    expect(orgSwitchPath('/orgs/acme/credentials', 'a/b')).toBe('/orgs/a%2Fb/credentials');
  });
});
