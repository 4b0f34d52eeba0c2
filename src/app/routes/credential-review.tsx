import { CredentialReviewPage } from '../../features/review';

export function Component() {
  return <CredentialReviewPage />;
}
