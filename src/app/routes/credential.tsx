import { useParams } from 'react-router';
import { ActivitySection } from '../../features/activity';
import { CredentialDetailPage } from '../../features/credentials';
import { useOrgParam } from '../../features/organizations';

export function Component() {
  const org = useOrgParam();
  const { serviceAccountId = '', credentialId = '' } = useParams();
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
