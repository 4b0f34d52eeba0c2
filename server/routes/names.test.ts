// Issue 7, defect 7: names with control or invisible characters, one spelling per name, and
// uniqueness with full case folding. The console's forms use the same schema.
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema, ServiceAccountSchema, CredentialSchema, CredentialCreatedSchema } from '../../src/api/schemas';
import { closeDatabase, openDatabase } from '../db/database';
import { migrate } from '../db/migrations';
import { expectOk, serverForFile } from '../test/harness';

const { admin } = serverForFile();
const SAS = '/organizations/acme/service-accounts';

const fieldErrors = (res: { status: number; body: unknown }) => {
  expect(res.status).toBe(400);
  return ErrorBodySchema.parse(res.body).details;
};

describe('name and description characters', () => {
  it('refuses control, bidi-override and zero-width characters in names with a field error', async () => {
    const sa = expectOk(await admin.post(SAS, { name: 'characters-ok' }), 201, ServiceAccountSchema);
    const creds = `${SAS}/${sa.id}/credentials`;
    for (const bad of ['nul\u0000', 'bell\u0007', 'esc\u001b[31m', 'evil\u202Egpj.exe', 'zero\u200Bwidth', 'b\uFEFFom', 'line\u2028sep', 'tab\tname', 'new\nline']) {
      const message = 'Name must not contain control or invisible characters';
      expect(fieldErrors(await admin.post(SAS, { name: bad }))).toEqual([{ field: 'name', message }]);
      expect(fieldErrors(await admin.patch(`${SAS}/${sa.id}`, { name: bad }))).toEqual([{ field: 'name', message }]);
      expect(fieldErrors(await admin.post(creds, { name: bad }))).toEqual([{ field: 'name', message }]);
    }
  });

  it('allows line breaks and tabs in descriptions, but no other control characters', async () => {
    const ok = expectOk(await admin.post(SAS, { name: 'described', description: 'line one\nline two\r\n\tindented' }), 201, ServiceAccountSchema);
    expect(ok.description).toBe('line one\nline two\r\n\tindented');
    for (const bad of ['esc\u001b[2J', 'nul\u0000', 'bell\u0007', 'c1\u009b']) {
      expect(fieldErrors(await admin.post(SAS, { name: 'bad-description', description: bad }))?.[0]?.field).toBe('description');
    }
  });

  it('stores names NFC-normalized', async () => {
    const decomposed = 'Cafe\u0301 reports';
    const sa = expectOk(await admin.post(SAS, { name: decomposed }), 201, ServiceAccountSchema);
    expect(sa.name).toBe('Caf\u00e9 reports');
    expect(expectOk(await admin.get(`${SAS}/${sa.id}`), 200, ServiceAccountSchema).name).toBe('Caf\u00e9 reports');
    expect((await admin.post(SAS, { name: 'CAF\u00c9 REPORTS' })).status).toBe(409);
    const cred = expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name: 'n\u0303' }), 201, CredentialCreatedSchema);
    expect(expectOk(await admin.get(`${SAS}/${sa.id}/credentials/${cred.id}`), 200, CredentialSchema).name).toBe('\u00f1');
  });

  it('treats names as equal under full case folding (Straße = STRASSE)', async () => {
    expectOk(await admin.post(SAS, { name: 'Straße' }), 201, ServiceAccountSchema);
    const dup = await admin.post(SAS, { name: 'STRASSE' });
    expect(dup.status).toBe(409);
    expect(ErrorBodySchema.parse(dup.body).code).toBe('conflict');
    expect((await admin.post(SAS, { name: 'strasse' })).status).toBe(409);
    expectOk(await admin.post(SAS, { name: 'ΟΔΟΣ' }), 201, ServiceAccountSchema);
    expect((await admin.post(SAS, { name: 'οδος' })).status).toBe(409);
    expect((await admin.post(SAS, { name: 'οδoς' })).status).toBe(201); // a Latin "o": another name
  });
});

describe('migration of existing name keys', () => {
  it('folds existing keys, and leaves two names that now collide as they are', () => {
    const db = openDatabase(':memory:');
    try {
      migrate(db, 1);
      const org = 'org1';
      db.prepare(`INSERT INTO organizations (id, label, name, created_at, updated_at) VALUES (?, 'o', 'O', 't', 't')`).run(org);
      const insert = db.prepare(
        `INSERT INTO service_accounts (id, organization_id, name, name_key, description, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 't', 't')`,
      );
      // Keys as the first version wrote them (lower case only).
      insert.run('a', org, 'Straße', 'straße');
      insert.run('b', org, 'STRASSE', 'strasse');
      insert.run('c', org, 'Maße', 'maße');
      migrate(db);
      const keys = Object.fromEntries(
        (db.prepare(`SELECT id, name_key FROM service_accounts`).all() as { id: string; name_key: string }[]).map((r) => [r.id, r.name_key]),
      );
      expect(keys).toEqual({ a: 'straße', b: 'strasse', c: 'masse' });
    } finally {
      closeDatabase(db);
    }
  });
});
