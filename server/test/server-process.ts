// For tests that need the server as its own process: the request log on its stdout, kill -9,
// locks held by another process. `node --import tsx server/index.ts`, as `npm start` runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything written to stdout so far, line by line (the request log, after the banner). */
  stdoutLines(): string[];
  stderr(): string;
  /** SIGTERM and wait (closes the database cleanly). */
  stop(): Promise<void>;
  /** SIGKILL and wait: no cleanup of any kind. */
  kill(): Promise<void>;
}

export function tempDatabasePath(prefix = 'sac-proc-test-'): string {
  return join(mkdtempSync(join(tmpdir(), prefix)), 'console.sqlite');
}

export async function spawnServer(databasePath: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_PATH: databasePath,
      STATIC_DIR: join(databasePath, '..', 'no-build'),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s:\n${out}\n${err}`)), 20_000);
    const check = () => {
      const match = /running at (http:\/\/[^\s]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}\n${err}`));
    });
  });
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    port: Number(new URL(url).port),
    child,
    stdoutLines: () => out.split('\n').filter(Boolean),
    stderr: () => err,
    stop: () => stopWith('SIGTERM'),
    kill: () => stopWith('SIGKILL'),
  };
}

/** A request line of the log: `<ISO time> <METHOD> <path> <status> <ms>ms <request id>`. */
export const REQUEST_LINE = /^\d{4}-\d\d-\d\dT[\d:.]+Z [A-Z]+ \S+ \d{3} [\d.]+ms [0-9a-f-]{36}$/;

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  ms: number;
}

/**
 * A request with node:http, which sends the path and headers as given (fetch normalizes both):
 * percent-encoded control characters, any Host, any Content-Encoding.
 */
export function rawRequest(
  origin: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; agent?: http.Agent; localAddress?: string } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  const started = performance.now();
  return new Promise((resolveResponse, reject) => {
    const req = http.request(
      {
        hostname,
        port,
        path,
        method: options.method ?? 'GET',
        // node:http frames a DELETE or OPTIONS body only when told its length.
        headers: options.body === undefined ? (options.headers ?? {}) : { 'Content-Length': String(Buffer.byteLength(options.body)), ...options.headers },
        agent: options.agent ?? false,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolveResponse({ status: res.statusCode ?? 0, headers: res.headers, text, ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
