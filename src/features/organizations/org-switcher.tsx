import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { organizationMatches, organizationQueries, organizationSlug } from '../../api/organizations';
import { Spinner } from '../../components/spinner';
import { VisuallyHidden } from '../../components/visually-hidden';
import { orgSwitchPath } from './org-switch-path';
import { useOptionalOrgParam } from '../../lib/route-params';
import './organizations.css';

/**
 * Header select of the organizations the person belongs to; choosing one opens the same kind
 * of page there (review → review), or its service accounts from a page about one item.
 */
export function OrgSwitcher() {
  const id = useId();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = useOptionalOrgParam();
  const organizations = useQuery(organizationQueries.list());

  if (organizations.isPending) {
    return (
      <span className="org-switcher org-switcher--status" role="status">
        <Spinner /> Loading organizations…
      </span>
    );
  }
  if (organizations.isError) {
    return (
      <span className="org-switcher org-switcher--status" role="status">
        Organizations unavailable
      </span>
    );
  }
  if (organizations.data.length === 0) return null;

  const selected = current ? organizations.data.find((org) => organizationMatches(org, current)) : undefined;
  return (
    <div className="org-switcher">
      <label htmlFor={id}>
        <VisuallyHidden>Organization</VisuallyHidden>
      </label>
      <select
        id={id}
        className="select select--sm org-switcher__select"
        value={selected ? organizationSlug(selected) : ''}
        onChange={(event) => void navigate(orgSwitchPath(pathname, event.target.value))}
      >
        {!selected && (
          <option value="" disabled>
            Choose an organization
          </option>
        )}
        {organizations.data.map((org) => (
          <option key={org.id} value={organizationSlug(org)}>
            {org.name}
          </option>
        ))}
      </select>
    </div>
  );
}
