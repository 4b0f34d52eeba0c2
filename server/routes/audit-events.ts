import { AuditEventFilterSchema, type AuditChanges, type AuditEvent } from '../../src/api/usage-schemas';
import { can } from '../auth/authorize';
import { listAuditEvents, type AuditEventRow } from '../db/audit-events';
import type { Services } from '../http/context';
import { parseListQuery, parseQuery } from '../http/query';
import { presentList } from './present';
import { orgRoutes } from './scope';

export function presentAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    at: row.created_at,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    action: row.action,
    target: {
      type: row.target_type,
      id: row.target_id,
      name: row.target_name,
      ...(row.target_service_account_id ? { service_account_id: row.target_service_account_id } : {}),
    },
    ...(row.changes ? { changes: JSON.parse(row.changes) as AuditChanges } : {}),
    request_id: row.request_id,
  };
}

/**
 * GET /organizations/:org/audit-events (extension `audit_events`): newest first, filtered by target,
 * actor and action. Every member may read. There is no route that changes or deletes an event.
 */
export function auditEventRoutes(services: Services) {
  const app = orgRoutes(services);

  app.get('/', can('audit_events', 'read'), (c) => {
    const filter = parseQuery(c, AuditEventFilterSchema);
    const page = listAuditEvents(services.db, c.var.org.id, filter, parseListQuery(c));
    return c.json(presentList(page, presentAuditEvent));
  });

  return app;
}
