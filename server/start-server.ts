import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import { EXTENSION_NAMES } from '../src/api/schemas';
import { createApp } from './app';
import type { RateLimitOptions } from './auth/rate-limit';
import { defaultLogLevel, type Config } from './config';
import { closeDatabase, openDatabase, SERVER_BUSY_TIMEOUT_MS, type Db } from './db/database';
import { migrate } from './db/migrations';
import { systemClock, type Clock } from './lib/clock';
import { createLogger, type Logger } from './lib/logger';
import { retireDemoTokens, type IssuedPersonToken } from './auth/retire-demo-tokens';
import { startUsagePruner } from './jobs/usage-pruner';
import { seedIfEmpty } from './seed';

export interface StartOptions extends Partial<Config> {
  databasePath: string;
  clock?: Clock;
  logger?: Logger;
  tokenRateLimit?: RateLimitOptions;
}

export interface RunningServer {
  /** Origin, e.g. http://127.0.0.1:51234 (the API is under /api). */
  url: string;
  port: number;
  config: Config;
  /** Whether this start filled an empty database with demo data. */
  seeded: boolean;
  /** Outside demo mode: random tokens that replaced the public demo tokens at this start (print once). */
  issuedTokens: IssuedPersonToken[];
  db: Db;
  /** Stops accepting connections, waits for in-flight requests, then closes the database. */
  close(): Promise<void>;
}

const FORCE_CLOSE_AFTER_MS = 5000;

/**
 * Requests Node's HTTP parser rejects (bad framing, bad header bytes) never reach the app; they get
 * the API's error JSON (`/api/openapi.json`) too, instead of Node's bare 400, and the connection is closed.
 */
function answerMalformedRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify({ status, code: 'invalid_request', message: 'Malformed HTTP request' });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Opens and migrates the database, seeds it when empty, and listens. Used by server/index.ts and
 * by tests (port 0 and a temporary database file).
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { clock = systemClock, logger, tokenRateLimit, ...overrides } = options;
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    demo: true,
    staticDir: 'dist',
    logLevel: defaultLogLevel(process.env.NODE_ENV),
    apiBaseUrl: undefined,
    tokenTtlSeconds: 3600,
    extensions: [...EXTENSION_NAMES],
    trustProxy: 0,
    allowedHosts: [],
    serveSourceMaps: false,
    ...overrides,
  };
  const db = openDatabase(config.databasePath);
  let seeded: boolean;
  let issuedTokens: IssuedPersonToken[] = [];
  try {
    migrate(db);
    seeded = seedIfEmpty(db, clock());
    if (!config.demo) issuedTokens = retireDemoTokens(db, clock());
    // Start-up may wait for a seed's batch; requests must not (see db/busy.ts).
    db.pragma(`busy_timeout = ${SERVER_BUSY_TIMEOUT_MS}`);
  } catch (error) {
    db.close();
    throw error;
  }
  const app = createApp({
    db,
    config,
    clock,
    ...(logger ? { logger } : {}),
    ...(tokenRateLimit ? { tokenRateLimit } : {}),
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', (error) => {
      db.close();
      reject(error);
    });
  });
  // Node closes idle keep-alive sockets after 5 s; a client that reuses one at that moment gets
  // ECONNRESET (seen in the e2e cleanup requests). Idle sockets now live longer than any client
  // pool keeps them without sending, and headers must still arrive within headersTimeout.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  server.on('clientError', answerMalformedRequest);
  const { port } = server.address() as AddressInfo;
  const usagePruner = startUsagePruner(db, clock, logger ?? createLogger(config.logLevel));
  const displayHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      usagePruner.stop();
      // Idle keep-alive sockets would hold close() open; busy ones get a grace period.
      const force = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), FORCE_CLOSE_AFTER_MS);
      server.close(() => {
        clearTimeout(force);
        closeDatabase(db);
        resolve();
      });
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }));

  return { url: `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`, port, config, seeded, issuedTokens, db, close };
}
