// npm run seed -- --org NAME --service-accounts N --credentials-per-account M
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from './config';
import { closeDatabase, openDatabase } from './db/database';
import { migrate } from './db/migrations';
import { DEMO_PERSON } from './demo-people';
import { seedBulk } from './seed';

const USAGE = 'Usage: npm run seed -- --org NAME --service-accounts N [--credentials-per-account M]';

const ArgsSchema = z.object({
  org: z.string().trim().min(1, '--org is required'),
  'service-accounts': z.coerce.number({ error: '--service-accounts N is required (a whole number)' }).int().min(0).max(1_000_000),
  'credentials-per-account': z.coerce.number({ error: 'must be a whole number' }).int().min(0).max(20).default(0),
});

function main(): void {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      'service-accounts': { type: 'string' },
      'credentials-per-account': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\nWrites to DATABASE_PATH (default data/console.sqlite).\n`);
    return;
  }
  const args = ArgsSchema.safeParse(values);
  if (!args.success) {
    const problems = args.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${problems}\n${USAGE}`);
  }
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  try {
    migrate(db);
    const started = performance.now();
    const result = seedBulk(db, {
      orgName: args.data.org,
      serviceAccounts: args.data['service-accounts'],
      credentialsPerAccount: args.data['credentials-per-account'],
      now: new Date(),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(
      `Added ${result.serviceAccounts} service accounts and ${result.credentials} credentials to ` +
        `"${result.org.name}" (label ${result.org.label}) in ${seconds}s.\n` +
        `${DEMO_PERSON.ada.name} (token ${DEMO_PERSON.ada.token}) is org_admin there: /orgs/${result.org.label}/service-accounts\n`,
    );
  } finally {
    closeDatabase(db);
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
