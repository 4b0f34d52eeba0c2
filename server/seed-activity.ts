// Demo history for the `usage` and `audit_events` extensions, so the demo's charts and activity
// pages have something to show: who created each service account and credential, and uses of the
// recently used credentials (hourly for the last 48 hours, daily for the last 30 days), consistent
// with their created_at and last_used_at. A few thousand rows: cheap enough for every fresh database.
import { randomUUID } from 'node:crypto';
import type { AuditRecord } from './audit/audit-trail';
import { credentialCreated, serviceAccountCreated } from './audit/audit-trail';
import { insertAuditEvent } from './db/audit-events';
import { listAllCredentials, type CredentialRow } from './db/credentials';
import type { Db } from './db/database';
import type { OrganizationRow } from './db/organizations';
import { findPersonByEmail, type PersonRow } from './db/people';
import { listServiceAccounts } from './db/service-accounts';
import { addUsage, setUsageSource } from './db/usage';
import { LIMIT_MAX } from '../src/api/schemas';
import { seededRandom, type Random } from './lib/random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DAILY_DAYS = 30;
const HOURLY_HOURS = 48;

const USER_AGENTS = [
  'curl/8.5.0',
  'Terraform/1.9.5 terraform-provider-acme/3.2.0',
  'python-requests/2.32.3',
  'Go-http-client/2.0',
  'GitHub-Actions (ubuntu-24.04)',
  'external-secrets/0.10.4',
  'node-fetch/3.3.2',
];

/** Hourly uses of one credential: a steady service, or a job that runs once a day. */
function usesInHour(random: Random, profile: { kind: 'steady'; rate: number } | { kind: 'daily'; hour: number }, hourStart: number) {
  const utcHour = Math.floor(hourStart / HOUR) % 24;
  if (profile.kind === 'daily') return utcHour === profile.hour ? 1 : 0;
  const businessHours = utcHour >= 7 && utcHour < 19;
  return Math.round(profile.rate * (businessHours ? 1.5 : 0.5) * (0.6 + random.next() * 0.8));
}

function seedUsage(db: Db, random: Random, credential: CredentialRow, now: number): void {
  if (!credential.last_used_at) return;
  const lastUsed = Date.parse(credential.last_used_at);
  if (now - lastUsed > DAILY_DAYS * DAY) return;
  const profile = random.next() < 0.3 ? { kind: 'daily' as const, hour: random.int(0, 23) } : { kind: 'steady' as const, rate: random.int(1, 40) };
  const created = Date.parse(credential.created_at);
  const days = new Map<number, number>();
  const firstHour = Math.max(created, now - DAILY_DAYS * DAY);
  for (let hour = Math.floor(firstHour / HOUR) * HOUR; hour <= lastUsed; hour += HOUR) {
    // The hour of the last use has at least that use.
    const count = Math.max(usesInHour(random, profile, hour), hour + HOUR > lastUsed ? 1 : 0);
    if (count === 0) continue;
    if (now - hour <= HOURLY_HOURS * HOUR) addUsage(db, credential.id, 'hour', new Date(hour).toISOString(), count);
    const day = Math.floor(hour / DAY) * DAY;
    days.set(day, (days.get(day) ?? 0) + count);
  }
  for (const [day, count] of days) addUsage(db, credential.id, 'day', new Date(day).toISOString(), count);
  setUsageSource(db, credential.id, {
    ip: `10.0.${random.int(0, 12)}.${random.int(2, 250)}`,
    user_agent: random.pick(USER_AGENTS),
    at: credential.last_used_at,
  });
}

function recordSeedEvent(db: Db, org: OrganizationRow, actor: PersonRow, record: AuditRecord, at: string): void {
  insertAuditEvent(db, {
    ...record,
    organization_id: org.id,
    at: record.at ?? at,
    actor: { type: 'person', id: actor.id, name: actor.name },
    request_id: randomUUID(),
  });
}

/**
 * `orgs`: each seeded organization with the emails of who created its service accounts and who
 * (one of them, at random) its credentials.
 */
export function seedActivity(db: Db, orgs: { org: OrganizationRow; creators: readonly string[] }[], now: Date): void {
  const random = seededRandom(20261201); // its own sequence: the rest of the demo data stays as it was
  for (const { org, creators } of orgs) {
    const people = creators.map((email) => findPersonByEmail(db, email)).filter((p): p is PersonRow => p !== undefined);
    const [owner] = people;
    if (!owner) continue;
    const serviceAccounts = listServiceAccounts(db, org.id, { limit: LIMIT_MAX }).rows;
    for (const sa of serviceAccounts) {
      recordSeedEvent(db, org, owner, serviceAccountCreated(sa), sa.created_at);
      for (const credential of listAllCredentials(db, org.id, sa.id)) {
        recordSeedEvent(db, org, random.pick(people), credentialCreated(credential), credential.created_at);
        seedUsage(db, random, credential, now.getTime());
      }
    }
  }
}
