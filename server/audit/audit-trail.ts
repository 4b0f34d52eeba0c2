// Recording of audit events (extension `audit_events`): every successful write of a service
// account or credential, in the same transaction as the write, so a write that fails (or rolls
// back) leaves no event and an event never describes a write that did not happen.
import type { AuditChanges } from '../../src/api/usage-schemas';
import type { Principal } from '../auth/principal';
import { hasExtension } from '../config';
import { insertAuditEvent, type AuditEventInsert } from '../db/audit-events';
import type { CredentialRow } from '../db/credentials';
import type { Db } from '../db/database';
import { findPerson } from '../db/people';
import { findServiceAccount, type ServiceAccountRow } from '../db/service-accounts';
import { nowIso, type ContextWith, type OrgEnv, type Services } from '../http/context';

/**
 * What a write reports; who and which request are added by `auditedWrite`, and when (unless the
 * write has its own timestamp, e.g. created_at, which the event then repeats exactly).
 */
export type AuditRecord = Pick<AuditEventInsert, 'action' | 'target' | 'changes'> & { at?: string };
export type RecordAudit = (record: AuditRecord) => void;

function actorOf(db: Db, principal: Principal, organizationId: string): AuditEventInsert['actor'] {
  if (principal.kind === 'person') {
    return { type: 'person', id: principal.id, name: findPerson(db, principal.id)?.name ?? principal.id };
  }
  const name = findServiceAccount(db, organizationId, principal.id)?.name ?? principal.id;
  return { type: 'service_account', id: principal.id, name };
}

/**
 * Runs `write` in one transaction and gives it `record` to describe what it changed. Anything
 * `write` throws rolls back the write and its events together. With the extension off, `record`
 * does nothing: no event is kept that nobody may read.
 */
export function auditedWrite<T>(services: Services, c: ContextWith<OrgEnv>, write: (record: RecordAudit) => T): T {
  const { db } = services;
  const enabled = hasExtension(services.config, 'audit_events');
  return db.transaction(() => {
    let actor: AuditEventInsert['actor'] | undefined;
    const record: RecordAudit = (event) => {
      if (!enabled) return;
      actor ??= actorOf(db, c.var.principal, c.var.org.id);
      insertAuditEvent(db, {
        ...event,
        organization_id: c.var.org.id,
        at: event.at ?? nowIso(services),
        actor,
        request_id: c.var.requestId,
      });
    };
    return write(record);
    // IMMEDIATE: the write reads before it writes (the "before" of its changes); taking the write
    // lock first means another process cannot slip in between and fail the upgrade.
  }).immediate();
}

// ---------- what each write records (never a secret: rows here cannot carry one) ----------

type Fields = Record<string, string | null>;

/** `{ field: [before, after] }` for the fields that differ; `undefined` side = did not exist. */
export function diff(before: Fields | undefined, after: Fields | undefined): AuditChanges | undefined {
  const changes: AuditChanges = {};
  for (const field of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    const from = before?.[field] ?? null;
    const to = after?.[field] ?? null;
    if (from !== to) changes[field] = [from, to];
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}

const serviceAccountFields = (row: ServiceAccountRow): Fields => ({ name: row.name, description: row.description });
const credentialFields = (row: CredentialRow): Fields => ({ name: row.name, description: row.description });
const serviceAccountTarget = (row: ServiceAccountRow) => ({ type: 'service_account' as const, id: row.id, name: row.name });
const credentialTarget = (row: CredentialRow) => ({
  type: 'credential' as const,
  id: row.id,
  name: row.name,
  service_account_id: row.service_account_id,
});

export const serviceAccountCreated = (row: ServiceAccountRow): AuditRecord => ({
  action: 'service_account.created',
  at: row.created_at,
  target: serviceAccountTarget(row),
  changes: diff(undefined, serviceAccountFields(row)),
});

export const serviceAccountUpdated = (before: ServiceAccountRow, after: ServiceAccountRow): AuditRecord => ({
  action: 'service_account.updated',
  at: after.updated_at,
  target: serviceAccountTarget(after),
  changes: diff(serviceAccountFields(before), serviceAccountFields(after)),
});

export const serviceAccountDeleted = (row: ServiceAccountRow): AuditRecord => ({
  action: 'service_account.deleted',
  target: serviceAccountTarget(row),
  changes: diff(serviceAccountFields(row), undefined),
});

export const credentialCreated = (row: CredentialRow): AuditRecord => ({
  action: 'credential.created',
  at: row.created_at,
  target: credentialTarget(row),
  // client_id is public (it identifies the credential in logs); the secret never reaches here.
  changes: diff(undefined, { ...credentialFields(row), client_id: row.client_id }),
});

export const credentialUpdated = (before: CredentialRow, after: CredentialRow): AuditRecord => ({
  action: 'credential.updated',
  target: credentialTarget(after),
  changes: diff(credentialFields(before), credentialFields(after)),
});

export const credentialDeleted = (row: CredentialRow): AuditRecord => ({
  action: 'credential.deleted',
  target: credentialTarget(row),
  changes: diff({ ...credentialFields(row), client_id: row.client_id }, undefined),
});
