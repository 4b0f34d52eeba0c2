import { describe, expect, it } from 'vitest';
import { reviewCsv, reviewCsvFileName } from './review-export';
import type { ReviewRow } from './review-rows';

const row: ReviewRow = {
  credential: {
    id: 'c1',
    name: '=cmd, "quoted"',
    client_id: 'client-1',
    created_at: '2026-01-02T03:04:05+00:00',
    last_used_at: null,
    service_account: { id: 'sa1', name: 'Billing' },
  },
  status: 'stale',
  rotationDue: true,
  createdMs: Date.parse('2026-01-02T03:04:05+00:00'),
  lastUsedMs: Number.NEGATIVE_INFINITY,
};

describe('review CSV', () => {
  it('has a header row, RFC 3339 dates, empty never-used cells and safe text', () => {
    expect(reviewCsv([row])).toBe(
      'service_account,service_account_id,credential,credential_id,client_id,created_at,last_used_at,status,rotation_due\r\n' +
        `Billing,sa1,"'=cmd, ""quoted""",c1,client-1,2026-01-02T03:04:05.000Z,,stale,true\r\n`,
    );
  });

  it('adds uses in the last 30 days when the server offers usage, empty where unknown', () => {
    const other = { ...row, credential: { ...row.credential, id: 'c2', name: 'Other' } };
    const lines = reviewCsv([row, other], new Map([['c1', 42]])).split('\r\n');
    expect(lines[0]?.endsWith(',rotation_due,uses_30_days')).toBe(true);
    expect(lines[1]?.endsWith(',stale,true,42')).toBe(true);
    expect(lines[2]?.endsWith(',stale,true,')).toBe(true);
  });

  it('names the file after the organization and the day', () => {
    expect(reviewCsvFileName('acme', new Date('2026-06-15T12:00:00Z'))).toBe('credentials-acme-2026-06-15.csv');
    expect(reviewCsvFileName('a/b c', new Date('2026-06-15T12:00:00Z'))).toBe('credentials-a-b-c-2026-06-15.csv');
  });
});
