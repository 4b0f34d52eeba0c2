import { useExtension } from '../../api/capabilities';
import { SkeletonText } from '../../components/skeleton';
import { OrgActivityPage } from '../../features/activity';
import { useOrgParam } from '../../lib/route-params';
import { NotFoundPage } from '../not-found';

/** Only servers with the `audit_events` extension have an activity page; elsewhere there is none. */
export function Component() {
  const org = useOrgParam();
  const offered = useExtension('audit_events');
  if (offered === undefined) return <SkeletonText lines={4} label="Loading…" />;
  if (!offered) return <NotFoundPage />;
  return <OrgActivityPage key={org} org={org} />;
}
