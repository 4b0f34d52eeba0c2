import { useDocumentTitle } from '../../components/use-document-title';
import { SignInPage } from '../../features/auth';

export function Component() {
  useDocumentTitle('Sign in');
  return (
    <main id="main" className="app-main">
      <SignInPage />
    </main>
  );
}
