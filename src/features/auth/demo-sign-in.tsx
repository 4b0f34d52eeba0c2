import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { devPrincipalQueries } from '../../api/dev';
import type { DevPrincipal } from '../../api/schemas';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { SkeletonText } from '../../components/skeleton';
import { VisuallyHidden } from '../../components/visually-hidden';
import { ROLE_LABELS } from './roles';

function DemoPerson({ person, onSignIn }: { person: DevPrincipal; onSignIn: (token: string) => void }) {
  const detailsId = useId();
  return (
    // The details sit beside the button, not in it, so its name is just what it visibly says
    // (WCAG 2.5.3, label in name); the button's ::after still makes the whole card clickable.
    <li className="demo-person">
      <button
        type="button"
        className="demo-person__button"
        aria-describedby={detailsId}
        onClick={() => onSignIn(person.token)}
      >
        <VisuallyHidden>Sign in as </VisuallyHidden>
        {person.name}
      </button>
      <span id={detailsId} className="demo-person__details">
        <span className="demo-person__email">{person.email}</span>
        <span className="demo-person__roles">
          {person.memberships.map((m) => (
            <span key={m.organization_id} className="demo-person__role">
              <span className="mono">{m.organization_label || m.organization_id}</span>{' '}
              <Badge tone={m.role === 'org_admin' ? 'info' : 'neutral'} title={m.role}>
                {ROLE_LABELS[m.role]}
              </Badge>
            </span>
          ))}
        </span>
      </span>
    </li>
  );
}

/** One-click sign-in as each seeded demo person; renders nothing when the API has no demo mode. */
export function DemoSignIn({ onSignIn }: { onSignIn: (token: string) => void }) {
  const headingId = useId();
  const principals = useQuery(devPrincipalQueries.list());

  if (principals.isPending) return <SkeletonText lines={3} label="Checking for demo sign-in…" />;
  if (principals.isError) {
    return (
      <p className="sign-in__note" role="status">
        Demo sign-in is unavailable ({principals.error.message}){' '}
        <Button size="sm" variant="ghost" onClick={() => void principals.refetch()}>
          Retry
        </Button>
      </p>
    );
  }
  if (!principals.data || principals.data.length === 0) return null;

  return (
    <section className="sign-in__section" aria-labelledby={headingId}>
      <h2 id={headingId} className="sign-in__heading">
        Demo people
      </h2>
      <p className="sign-in__note">This server runs in demo mode. Choose a person to sign in as them.</p>
      <ul className="demo-people">
        {principals.data.map((person) => (
          <DemoPerson key={person.id} person={person} onSignIn={onSignIn} />
        ))}
      </ul>
    </section>
  );
}
