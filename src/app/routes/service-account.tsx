import { ActivitySection } from '../../features/activity';
import { CredentialsPanel } from '../../features/credentials';
import { ROUTES } from '../../lib/paths';
import { useRouteParams } from '../../lib/route-params';
import { RotationInProgressBanner } from '../../features/rotation';
import { ServiceAccountDetailPage } from '../../features/service-accounts';

export function Component() {
  const { org, serviceAccountId } = useRouteParams(ROUTES.serviceAccount);
  return (
    <ServiceAccountDetailPage
      key={`${org}/${serviceAccountId}`}
      org={org}
      serviceAccountId={serviceAccountId}
      renderBanner={(sa) => <RotationInProgressBanner org={org} serviceAccountId={sa.id} />}
      renderCredentials={(sa) => <CredentialsPanel org={org} serviceAccount={sa} />}
      renderActivity={(sa) => <ActivitySection org={org} targetId={sa.id} targetKind="service account" />}
    />
  );
}
