// Process entry: `npx tsx server/index.ts` (npm start runs it after building the SPA).
import { ConfigError, loadConfig } from './config';
import { DEMO_PEOPLE } from './demo-people';
import type { IssuedPersonToken } from './auth/retire-demo-tokens';
import { startServer } from './start-server';

function signInHelp(url: string, demo: boolean, issued: IssuedPersonToken[]): string {
  const list = (people: readonly { name: string; email: string; token: string }[]) =>
    people.map((p) => `    ${p.token.padEnd(22)} ${p.name} <${p.email}>`).join('\n');
  const api = `  API: ${url}/api (OpenAPI document at ${url}/api/openapi.json)`;
  if (demo) {
    return `Open ${url} and pick a demo person on the sign-in page, or use one of these bearer tokens:\n${list(DEMO_PEOPLE)}\n${api}`;
  }
  if (issued.length > 0) {
    return (
      'Demo mode is off (DEMO=0): the public demo tokens no longer work. New bearer tokens, shown this once:\n' +
      `${list(issued)}\n${api}`
    );
  }
  return `Demo mode is off (DEMO=0). Sign in at ${url} with a bearer token issued to you.\n${api}`;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const { url } = server;
  process.stdout.write(
    `\nService Accounts Console is running at ${url}\n` +
      `  Database: ${config.databasePath}${server.seeded ? ' (new: seeded with demo data)' : ''}\n` +
      `  ${signInHelp(url, config.demo, server.issuedTokens)}\n  Press Ctrl-C to stop.\n\n`,
  );
  if (config.demo && !LOOPBACK_HOSTS.has(config.host)) {
    // /api/dev/principals hands out the demo admin's token without authentication.
    process.stderr.write(
      `WARNING: demo mode is on and HOST=${config.host} accepts other machines: anyone who can reach this ` +
        'port can sign in as a demo admin. Use DEMO=0 for anything but a demo.\n\n',
    );
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stdout.write('Forcing exit.\n');
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`\n${signal} received: finishing requests and closing the database...\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    process.stderr.write(`Port already in use: ${error.message}. Set PORT to a free port.\n`);
  } else {
    process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
