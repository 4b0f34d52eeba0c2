// Words for audit events (the server's `audit_events` extension): who did what to which thing.
// Shared by the activity lists and the credential page's "Created by".
import type { AuditAction, AuditActor, AuditChanges, AuditEvent, AuditTarget } from '../api/usage-schemas';

/** Options of the action filter, in the order a person scans them. */
export const ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'service_account.created': 'Service account created',
  'service_account.updated': 'Service account changed',
  'service_account.deleted': 'Service account deleted',
  'credential.created': 'Credential created',
  'credential.updated': 'Credential changed',
  'credential.deleted': 'Credential deleted',
};

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(ACTION_LABELS, value);
}

/** "created", "changed", "deleted"; an action this console does not know yet is shown as sent. */
export function actionVerb(action: string): string {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  if (verb === 'created' || verb === 'deleted') return verb;
  if (verb === 'updated') return 'changed';
  return action;
}

/** "Service account", "Credential" (a sentence's subject). */
export function targetNoun(target: Pick<AuditTarget, 'type'>): string {
  if (target.type === 'service_account') return 'Service account';
  if (target.type === 'credential') return 'Credential';
  return target.type.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
}

/** "Ada Admin", or "service account deploy-bot" when a program did it. */
export function actorLabel(actor: AuditActor): string {
  return actor.type === 'service_account' ? `service account ${actor.name}` : actor.name;
}

/** The whole event as one plain sentence, e.g. `Credential “ci” created by Ada Admin`. */
export function eventSentence(event: Pick<AuditEvent, 'action' | 'actor' | 'target'>): string {
  return `${targetNoun(event.target)} “${event.target.name}” ${actionVerb(event.action)} by ${actorLabel(event.actor)}`;
}

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

const FIELD_LABELS: Record<string, string> = { name: 'Name', description: 'Description' };

/** The changed fields, names first, for an "updated" event's details. */
export function fieldChanges(changes: AuditChanges | undefined): FieldChange[] {
  if (!changes) return [];
  return Object.entries(changes)
    .map(([field, [before, after]]) => ({
      field,
      label: FIELD_LABELS[field] ?? field.replaceAll('_', ' '),
      before,
      after,
    }))
    .sort((a, b) => (a.field === 'name' ? -1 : b.field === 'name' ? 1 : a.field.localeCompare(b.field)));
}
