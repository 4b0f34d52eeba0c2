import { Link } from 'react-router';
import { NotFoundState } from '../components/not-found-state';
import { useDocumentTitle } from '../components/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <NotFoundState
      title="Page not found"
      message="There is nothing at this address. It may have been deleted, or the link may be wrong."
      action={<Link to="/">Go to the start page</Link>}
    />
  );
}
