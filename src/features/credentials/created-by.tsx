// "by Ada Admin, 3 days ago": who created the credential, from its audit trail (the server's
// `audit_events` extension). Without it, or for credentials created before the server kept an
// audit trail, only the time is shown, as before.
import { useQuery } from '@tanstack/react-query';
import { auditEventQueries } from '../../api/audit-events';
import { useExtension } from '../../api/capabilities';
import { RelativeTime } from '../../components/relative-time';
import { actorLabel } from '../../lib/audit-event-text';

export function CreatedBy({ org, credentialId, createdAt }: { org: string; credentialId: string; createdAt: string }) {
  const offered = useExtension('audit_events');
  const { data } = useQuery({
    ...auditEventQueries.list(org, { limit: 1, target_id: credentialId, action: 'credential.created' }),
    enabled: offered === true,
    // Who created it never changes.
    staleTime: Infinity,
  });
  const creator = data?.items[0]?.actor;
  return (
    <span>
      {creator && <>by {actorLabel(creator)}, </>}
      <RelativeTime date={createdAt} showAbsolute />
    </span>
  );
}
