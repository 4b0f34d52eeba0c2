// The `audit_events` extension's storage. Append only: this module inserts and reads, nothing else.
import { randomBytes } from 'node:crypto';
import type { AuditAction, AuditActorType, AuditChanges, AuditTargetType } from '../../src/api/usage-schemas';
import { stmt, type Db } from './database';
import { paginate, type Page, type PageRequest } from './pagination';

export interface AuditEventInsert {
  organization_id: string;
  at: string;
  actor: { type: AuditActorType; id: string; name: string };
  action: AuditAction;
  target: { type: AuditTargetType; id: string; name: string; service_account_id?: string | null | undefined };
  changes?: AuditChanges | undefined;
  request_id: string;
}

export interface AuditEventRow {
  id: string;
  organization_id: string;
  created_at: string;
  actor_type: string;
  actor_id: string;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string;
  target_name: string;
  target_service_account_id: string | null;
  /** JSON of `{ field: [before, after] }`, or null. */
  changes: string | null;
  request_id: string;
}

export interface AuditEventFilter {
  target_id?: string | undefined;
  actor_id?: string | undefined;
  action?: string | undefined;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
let lastMs = -1;
let sequence = 0;

/**
 * A 26-character id (the vendor's format) that grows with time and, within one millisecond, with
 * each call: the list's tie-break on id then keeps the order events were written in (a service
 * account's deletion after those of its credentials, an update after the create it follows).
 */
export function newAuditEventId(now: number = Date.now()): string {
  if (now === lastMs) sequence += 1;
  else {
    lastMs = now;
    sequence = 0;
  }
  const random = Array.from(randomBytes(11), (byte) => ALPHABET[byte % 36]).join('');
  return Math.max(0, now).toString(36).padStart(10, '0') + sequence.toString(36).padStart(5, '0') + random;
}

export function insertAuditEvent(db: Db, event: AuditEventInsert): void {
  stmt(
    db,
    `INSERT INTO audit_events (id, organization_id, created_at, actor_type, actor_id, actor_name, action,
       target_type, target_id, target_name, target_service_account_id, changes, request_id)
     VALUES (@id, @organization_id, @created_at, @actor_type, @actor_id, @actor_name, @action,
       @target_type, @target_id, @target_name, @target_service_account_id, @changes, @request_id)`,
  ).run({
    id: newAuditEventId(),
    organization_id: event.organization_id,
    created_at: event.at,
    actor_type: event.actor.type,
    actor_id: event.actor.id,
    actor_name: event.actor.name,
    action: event.action,
    target_type: event.target.type,
    target_id: event.target.id,
    target_name: event.target.name,
    target_service_account_id: event.target.service_account_id ?? null,
    changes: event.changes && Object.keys(event.changes).length > 0 ? JSON.stringify(event.changes) : null,
    request_id: event.request_id,
  });
}

/** Newest first; each filter narrows the list (the SQL is one of eight fixed shapes, each indexed). */
export function listAuditEvents(db: Db, organizationId: string, filter: AuditEventFilter, page: PageRequest): Page<AuditEventRow> {
  let select = 'SELECT * FROM audit_events WHERE organization_id = ?';
  const params: unknown[] = [organizationId];
  for (const column of ['target_id', 'actor_id', 'action'] as const) {
    const value = filter[column];
    if (value === undefined) continue;
    select += ` AND ${column} = ?`;
    params.push(value);
  }
  return paginate<AuditEventRow>(
    db,
    { select, params, keys: { createdAt: 'created_at', id: 'id' }, scope: `audit_events:${organizationId}` },
    page,
  );
}
