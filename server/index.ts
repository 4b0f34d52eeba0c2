// Process entry: `npx tsx server/index.ts` (npm start runs it after building the SPA).
import { ConfigError, loadConfig } from './config';
import { DEMO_PEOPLE } from './demo-people';
import { startServer } from './start-server';

function signInHelp(url: string, demo: boolean): string {
  const people = DEMO_PEOPLE.map((p) => `    ${p.token.padEnd(22)} ${p.name} <${p.email}>`).join('\n');
  const how = demo
    ? `Open ${url} and pick a demo person on the sign-in page, or use one of these bearer tokens:`
    : 'Demo mode is off (DEMO=0). Sign in with one of these bearer tokens (if the database was seeded with demo data):';
  return `${how}\n${people}\n  API: ${url}/api (OpenAPI document at ${url}/api/openapi.json)`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const { url } = server;
  process.stdout.write(
    `\nService Accounts Console is running at ${url}\n` +
      `  Database: ${config.databasePath}${server.seeded ? ' (new: seeded with demo data)' : ''}\n` +
      `  ${signInHelp(url, config.demo)}\n  Press Ctrl-C to stop.\n\n`,
  );

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
