import { useOrgParam } from '../../features/organizations';
import { ServiceAccountsListPage } from '../../features/service-accounts';

export function Component() {
  const org = useOrgParam();
  // The review feature has no per-row "last activity" export yet; the page hides the column without one.
  return <ServiceAccountsListPage key={org} org={org} />;
}
