import { randomBytes } from 'node:crypto';
import type { Role } from '../src/api/schemas';
import { hashSecret, newClientId } from './auth/tokens';
import { insertPersonToken } from './db/access-tokens';
import { insertCredential } from './db/credentials';
import type { Db } from './db/database';
import {
  countOrganizations,
  findOrganization,
  findOrganizationByName,
  insertOrganization,
  isLabelTaken,
  type OrganizationRow,
} from './db/organizations';
import { findPersonByEmail, insertPerson, setMembership } from './db/people';
import { insertServiceAccount, nameKey, serviceAccountNameKeys } from './db/service-accounts';
import { DEMO_ADMIN_EMAIL, DEMO_PEOPLE } from './demo-people';
import { newId } from './lib/ids';
import { seedActivity } from './seed-activity';
import { seededRandom, type Random } from './lib/random';
import {
  ACME_SERVICE_ACCOUNTS,
  CREDENTIAL_DESCRIPTIONS,
  CREDENTIAL_NAMES,
  GLOBEX_SERVICE_ACCOUNTS,
} from './seed-data';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Nobody can know a seeded credential's secret: it is random and only its hash is kept.
const unknowableSecretHash = () => hashSecret(randomBytes(32).toString('base64url'));

function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'org';
}

/** Finds an organization by label or name, or creates it with a free label derived from the name. */
export function ensureOrganization(db: Db, name: string, now: Date, label?: string): OrganizationRow {
  const existing = (label ? findOrganization(db, label) : undefined) ?? findOrganizationByName(db, name);
  if (existing) return existing;
  const base = label ?? slugify(name);
  let candidate = base;
  for (let n = 2; isLabelTaken(db, candidate); n += 1) candidate = `${base}-${n}`;
  const at = now.toISOString();
  return insertOrganization(db, { id: newId(), label: candidate, name, created_at: at, updated_at: at });
}

/** How long ago a credential was last used: minutes ago to over a year ago, or never (null). */
function lastUsedAgo(random: Random): number | null {
  const buckets: [weight: number, min: number, max: number][] = [
    [3, 5 * MINUTE, 59 * MINUTE],
    [2, HOUR, 23 * HOUR],
    [3, DAY, 29 * DAY],
    [2, 30 * DAY, 89 * DAY],
    [2, 90 * DAY, 365 * DAY],
    [1, 366 * DAY, 700 * DAY],
  ];
  const neverWeight = 2;
  let roll = random.next() * (buckets.reduce((sum, [w]) => sum + w, 0) + neverWeight);
  for (const [weight, min, max] of buckets) {
    roll -= weight;
    if (roll < 0) return min + random.next() * (max - min);
  }
  return null;
}

interface CredentialTimes {
  createdAt: number;
  lastUsedAt: number | null;
}

/** Last use first, then a creation date before it; now and then a brand-new, never-used credential. */
function credentialTimes(random: Random, now: number): CredentialTimes {
  if (random.next() < 0.1) return { createdAt: now - random.next() * 5 * DAY, lastUsedAt: null };
  const ago = lastUsedAgo(random);
  const lastUsedAt = ago === null ? null : now - ago;
  return { createdAt: (lastUsedAt ?? now) - random.int(1, 400) * DAY - random.next() * DAY, lastUsedAt };
}

/** A service account is older than all of its credentials. */
function serviceAccountCreatedAt(random: Random, now: number, credentials: CredentialTimes[]): number {
  const oldest = Math.min(now - random.int(30, 400) * DAY, ...credentials.map((c) => c.createdAt));
  return oldest - random.next() * 60 * DAY;
}

function insertSeedCredential(db: Db, random: Random, serviceAccountId: string, times: CredentialTimes, describe: boolean): void {
  insertCredential(db, {
    id: newId(),
    service_account_id: serviceAccountId,
    client_id: newClientId(),
    secret_hash: unknowableSecretHash(),
    name: random.pick(CREDENTIAL_NAMES),
    description: describe ? random.pick(CREDENTIAL_DESCRIPTIONS) || null : null,
    created_at: new Date(times.createdAt).toISOString(),
    last_used_at: times.lastUsedAt === null ? null : new Date(times.lastUsedAt).toISOString(),
  });
}

function seedServiceAccounts(
  db: Db,
  org: OrganizationRow,
  accounts: readonly (readonly [string, string])[],
  random: Random,
  now: number,
): void {
  for (const [name, description] of accounts) {
    const credentials = Array.from({ length: random.pick([0, 1, 1, 2, 2, 2, 3, 3, 4]) }, () =>
      credentialTimes(random, now),
    );
    const sa = insertServiceAccount(db, {
      id: newId(),
      organization_id: org.id,
      name,
      description: description || null,
      created_at: new Date(serviceAccountCreatedAt(random, now, credentials)).toISOString(),
    });
    for (const times of credentials) insertSeedCredential(db, random, sa.id, times, true);
  }
}

/** Acme and Globex, the demo people with their stable tokens, and their service accounts. */
export function seedDemo(db: Db, now: Date): void {
  const random = seededRandom(20261130);
  db.transaction(() => {
    const at = now.toISOString();
    const orgs = {
      acme: ensureOrganization(db, 'Acme Corp', new Date(now.getTime() - 800 * DAY), 'acme'),
      globex: ensureOrganization(db, 'Globex', new Date(now.getTime() - 900 * DAY), 'globex'),
    };
    for (const demo of DEMO_PEOPLE) {
      const person = findPersonByEmail(db, demo.email) ?? insertPerson(db, { id: newId(), name: demo.name, email: demo.email, created_at: at });
      insertPersonToken(db, hashSecret(demo.token), person.id, at);
      for (const m of demo.memberships) setMembership(db, person.id, orgs[m.org as keyof typeof orgs].id, m.role, at);
    }
    seedServiceAccounts(db, orgs.acme, ACME_SERVICE_ACCOUNTS, random, now.getTime());
    seedServiceAccounts(db, orgs.globex, GLOBEX_SERVICE_ACCOUNTS, random, now.getTime());
    seedActivity(db, [{ org: orgs.acme, creators: [DEMO_ADMIN_EMAIL, 'oscar@acme.example'] }, { org: orgs.globex, creators: ['gina@globex.example'] }], now);
  })();
}

/** Seeds demo data into an empty database; returns whether it did. */
export function seedIfEmpty(db: Db, now: Date): boolean {
  if (countOrganizations(db) > 0) return false;
  seedDemo(db, now);
  return true;
}

export interface BulkSeedOptions {
  orgName: string;
  serviceAccounts: number;
  credentialsPerAccount: number;
  now: Date;
  /** Given this role in the org; defaults to the demo admin as org_admin. */
  memberEmail?: string;
  role?: Role;
}

/** A large organization for performance work, in one transaction. */
export function seedBulk(db: Db, options: BulkSeedOptions): { org: OrganizationRow; serviceAccounts: number; credentials: number } {
  const random = seededRandom(options.serviceAccounts * 31 + options.credentialsPerAccount);
  const now = options.now.getTime();
  return db.transaction(() => {
    if (countOrganizations(db) === 0) seedDemo(db, options.now);
    const org = ensureOrganization(db, options.orgName, options.now);
    const member = findPersonByEmail(db, options.memberEmail ?? DEMO_ADMIN_EMAIL);
    if (member) setMembership(db, member.id, org.id, options.role ?? 'org_admin', options.now.toISOString());

    const taken = serviceAccountNameKeys(db, org.id);
    let serial = taken.size;
    const nextName = () => {
      let name: string;
      do name = `load-test-${String((serial += 1)).padStart(6, '0')}`;
      while (taken.has(nameKey(name)));
      return name;
    };
    let credentials = 0;
    for (let i = 0; i < options.serviceAccounts; i += 1) {
      const times = Array.from({ length: options.credentialsPerAccount }, () => credentialTimes(random, now));
      const sa = insertServiceAccount(db, {
        id: newId(),
        organization_id: org.id,
        name: nextName(),
        description: i % 3 === 0 ? null : `Generated service account #${i + 1}`,
        created_at: new Date(serviceAccountCreatedAt(random, now, times)).toISOString(),
      });
      for (const t of times) insertSeedCredential(db, random, sa.id, t, false);
      credentials += times.length;
    }
    return { org, serviceAccounts: options.serviceAccounts, credentials };
  })();
}
