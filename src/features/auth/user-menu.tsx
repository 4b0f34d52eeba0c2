import { useQuery } from '@tanstack/react-query';
import { findDevPrincipal, devPrincipalQueries } from '../../api/dev';
import { useSessionToken } from '../../api/session';
import { Button } from '../../components/button';
import { useSignOut } from './use-session-actions';
import './auth.css';

/** Header: who is signed in, and sign out. */
export function UserMenu() {
  const token = useSessionToken();
  const principals = useQuery({ ...devPrincipalQueries.list(), enabled: token !== null });
  const signOut = useSignOut();
  if (!token) return null;

  const person = findDevPrincipal(principals.data, token);
  return (
    <div className="user-menu">
      {person ? (
        <span className="user-menu__who">
          <span className="visually-hidden">Signed in as </span>
          <span className="user-menu__name">{person.name}</span>
          <span className="user-menu__email">{person.email}</span>
        </span>
      ) : (
        <span className="user-menu__who">Signed in with an API token</span>
      )}
      <Button size="sm" variant="ghost" onClick={signOut}>
        Sign out
      </Button>
    </div>
  );
}
