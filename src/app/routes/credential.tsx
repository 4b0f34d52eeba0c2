import { ActivitySection } from '../../features/activity';
import { CredentialDetailPage } from '../../features/credentials';
import { ROUTES } from '../../lib/paths';
import { useRouteParams } from '../../lib/route-params';

export function Component() {
  const { org, serviceAccountId, credentialId } = useRouteParams(ROUTES.credential);
  return (
    <CredentialDetailPage
      key={`${org}/${serviceAccountId}/${credentialId}`}
      org={org}
      serviceAccountId={serviceAccountId}
      credentialId={credentialId}
      renderActivity={(credential) => <ActivitySection org={org} targetId={credential.id} targetKind="credential" />}
    />
  );
}
