import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { credentialQueries } from './credentials';
import { devPrincipalQueries } from './dev';
import { organizationQueries } from './organizations';
import { serviceAccountQueries } from './service-accounts';

const SA = 'ab3def8hij2klm9opq5rst7uvw';
const OTHER_SA = 'zz3def8hij2klm9opq5rst7uvw';
const CRED = 'cr3def8hij2klm9opq5rst7uvw';

function seeded() {
  const client = new QueryClient();
  const keys = {
    saList: serviceAccountQueries.list('acme', { limit: 50 }).queryKey,
    saListPage2: serviceAccountQueries.list('acme', { limit: 50, after: 'c2' }).queryKey,
    saDetail: serviceAccountQueries.detail('acme', SA).queryKey,
    otherOrgList: serviceAccountQueries.list('globex', { limit: 50 }).queryKey,
    credList: credentialQueries.list('acme', SA, { limit: 20 }).queryKey,
    credDetail: credentialQueries.detail('acme', SA, CRED).queryKey,
    otherSaCredList: credentialQueries.list('acme', OTHER_SA, { limit: 20 }).queryKey,
    otherOrgCredList: credentialQueries.list('globex', SA, { limit: 20 }).queryKey,
    orgs: organizationQueries.list().queryKey,
  };
  for (const key of Object.values(keys)) client.setQueryData<unknown>(key as readonly unknown[], { seeded: true });
  const invalidated = () =>
    Object.entries(keys)
      .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
  return { client, invalidated };
}

describe('query keys', () => {
  it('go from generic to specific', () => {
    expect(serviceAccountQueries.list('acme', { limit: 50, after: 'c1' }).queryKey).toEqual([
      'service-accounts',
      'acme',
      'list',
      { limit: 50, after: 'c1' },
    ]);
    expect(serviceAccountQueries.detail('acme', SA).queryKey).toEqual(['service-accounts', 'acme', 'detail', SA]);
    expect(credentialQueries.detail('acme', SA, CRED).queryKey).toEqual([
      'credentials',
      'acme',
      'service-account',
      SA,
      'detail',
      CRED,
    ]);
    expect(organizationQueries.detail('acme').queryKey).toEqual(['organizations', 'detail', 'acme']);
    expect(devPrincipalQueries.list().queryKey).toEqual(['dev-principals', 'list']);
  });

  it('put every list input in the key, and drop absent cursors', () => {
    const a = serviceAccountQueries.list('acme', { limit: 50, after: undefined, before: undefined }).queryKey;
    expect(a).toEqual(['service-accounts', 'acme', 'list', { limit: 50 }]);
    expect(serviceAccountQueries.list('acme', { limit: 25 }).queryKey).not.toEqual(a);
    expect(serviceAccountQueries.list('acme', { limit: 50, before: 'b' }).queryKey).not.toEqual(a);
  });

  it.each([
    ['serviceAccountQueries.all(org) matches that org’s lists and details only', serviceAccountQueries.all('acme'), ['saDetail', 'saList', 'saListPage2']],
    ['serviceAccountQueries.lists(org) leaves details alone', serviceAccountQueries.lists('acme'), ['saList', 'saListPage2']],
    ['credentialQueries.all(org) matches every credential query of the org', credentialQueries.all('acme'), ['credDetail', 'credList', 'otherSaCredList']],
    [
      'credentialQueries.serviceAccount(org, id) matches that service account’s credentials only',
      credentialQueries.serviceAccount('acme', SA),
      ['credDetail', 'credList'],
    ],
  ] as const)('%s', async (_name, queryKey, expected) => {
    const { client, invalidated } = seeded();
    await client.invalidateQueries({ queryKey, refetchType: 'none' });
    expect(invalidated()).toEqual(expected);
  });
});
