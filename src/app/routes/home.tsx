import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { organizationQueries, organizationSlug } from '../../api/organizations';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { SkeletonText } from '../../components/skeleton';
import { useDocumentTitle } from '../../components/use-document-title';

/** `/` goes to the first organization the person belongs to. */
export function Component() {
  useDocumentTitle('Organizations');
  const organizations = useQuery(organizationQueries.list());
  if (organizations.isPending) return <SkeletonText lines={2} label="Loading your organizations…" />;
  if (organizations.isError) {
    return (
      <ErrorState
        title="Could not load your organizations"
        error={organizations.error}
        onRetry={() => void organizations.refetch()}
        retrying={organizations.isFetching}
      />
    );
  }
  const first = organizations.data[0];
  if (!first) {
    return (
      <EmptyState
        title="You are not a member of any organization"
        description="Ask an organization admin to add you, then sign in again."
      />
    );
  }
  return <Navigate to={`/orgs/${encodeURIComponent(organizationSlug(first))}/service-accounts`} replace />;
}
