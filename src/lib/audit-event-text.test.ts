import { describe, expect, it } from 'vitest';
import { actionVerb, actorLabel, eventSentence, fieldChanges, isAuditAction, targetNoun } from './audit-event-text';

const ada = { type: 'person', id: 'p1', name: 'Ada Admin' };

describe('eventSentence', () => {
  it('says what happened to which thing, and who did it', () => {
    expect(
      eventSentence({
        action: 'credential.created',
        actor: ada,
        target: { type: 'credential', id: 'c1', name: 'ci', service_account_id: 's1' },
      }),
    ).toBe('Credential “ci” created by Ada Admin');
    expect(
      eventSentence({
        action: 'service_account.updated',
        actor: { type: 'service_account', id: 's9', name: 'terraform' },
        target: { type: 'service_account', id: 's1', name: 'deployer' },
      }),
    ).toBe('Service account “deployer” changed by service account terraform');
  });

  it('shows actions and target types it does not know as sent, instead of failing', () => {
    expect(actionVerb('credential.rotated')).toBe('credential.rotated');
    expect(targetNoun({ type: 'api_key' })).toBe('Api key');
    expect(isAuditAction('credential.rotated')).toBe(false);
    expect(isAuditAction('credential.deleted')).toBe(true);
    expect(actorLabel(ada)).toBe('Ada Admin');
  });
});

describe('fieldChanges', () => {
  it('lists the name first with labels, before and after', () => {
    expect(fieldChanges({ description: [null, 'CI'], name: ['old', 'new'] })).toEqual([
      { field: 'name', label: 'Name', before: 'old', after: 'new' },
      { field: 'description', label: 'Description', before: null, after: 'CI' },
    ]);
    expect(fieldChanges(undefined)).toEqual([]);
  });
});
