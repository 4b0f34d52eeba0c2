import { RotateCredentialPage } from '../../features/rotation';

export function Component() {
  return <RotateCredentialPage />;
}
