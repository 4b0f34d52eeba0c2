import { Placeholder } from '../placeholders';

export function Component() {
  return <Placeholder name="CredentialReviewPage" />;
}
