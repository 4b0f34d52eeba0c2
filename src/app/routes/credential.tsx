import { useParams } from 'react-router';
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
    />
  );
}
