import { FindCredentialPage } from '../../features/find-credential/find-credential-page';

export function Component() {
  return <FindCredentialPage />;
}
