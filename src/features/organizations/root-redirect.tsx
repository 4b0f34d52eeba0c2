import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { organizationQueries, organizationSlug } from '../../api/organizations';
import { EmptyState } from '../../components/empty-state';
import { QueryErrorState } from '../../components/error-state';
import { SkeletonText } from '../../components/skeleton';
import { serviceAccountsPath } from '../../lib/paths';

/** `/`: straight to the first organization's service accounts. */
export function RootRedirect() {
  const organizations = useQuery(organizationQueries.list());

  if (organizations.isPending) return <SkeletonText lines={2} label="Loading your organizations…" />;
  if (organizations.isError) {
    return <QueryErrorState title="Could not load your organizations" query={organizations} />;
  }
  const [first] = organizations.data;
  if (!first) {
    return (
      <EmptyState
        title="You are not in any organization yet"
        description="Ask an admin of your organization to add you, or sign out and sign in with another account."
      />
    );
  }
  return <Navigate to={serviceAccountsPath(organizationSlug(first))} replace />;
}
