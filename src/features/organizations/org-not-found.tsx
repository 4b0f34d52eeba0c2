import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { organizationMatches, organizationQueries, organizationSlug } from '../../api/organizations';
import { NotFoundState } from '../../components/not-found-state';
import { useDocumentTitle } from '../../components/use-document-title';
import { serviceAccountsPath } from '../../lib/paths';
import './organizations.css';

/** Shown for an organization that does not exist or that the person does not belong to (the API does not say which). */
export function OrgNotFound({ org }: { org: string }) {
  useDocumentTitle('Organization not found');
  const organizations = useQuery(organizationQueries.list());
  const others = (organizations.data ?? []).filter((o) => !organizationMatches(o, org));
  return (
    <NotFoundState
      title="Organization not found"
      message={`There is no organization “${org}”, or you are not a member of it. Check the link, or pick one of your organizations.`}
      action={<Link to="/">Go to the start page</Link>}
    >
      {others.length > 0 && (
        <nav aria-label="Your organizations">
          <ul className="org-not-found__list">
            {others.map((o) => (
              <li key={o.id}>
                <Link to={serviceAccountsPath(organizationSlug(o))}>{o.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </NotFoundState>
  );
}
