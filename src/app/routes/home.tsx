import { useDocumentTitle } from '../../components/use-document-title';
import { RootRedirect } from '../../features/organizations';

/** `/` goes to the first organization the person belongs to. */
export function Component() {
  useDocumentTitle('Organizations');
  return <RootRedirect />;
}
