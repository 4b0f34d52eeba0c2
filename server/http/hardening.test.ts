// Regression tests for defects an attack on the server found (issue 7), against the server as its
// own process: the request log (1), 413 on a keep-alive connection (3), Host names (5) and
// Content-Encoding (8).
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../src/api/schemas';
import { TOKENS } from '../test/harness';
import { bearer, rawRequest, REQUEST_LINE, spawnServer, tempDatabasePath, type RawResponse, type ServerProcess } from '../test/server-process';

let server: ServerProcess;
const SAS = '/api/organizations/acme/service-accounts';

beforeAll(async () => {
  server = await spawnServer(tempDatabasePath(), { ALLOWED_HOSTS: 'console.example.test' });
});
afterAll(() => server.stop());

function expectError(res: RawResponse, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(ErrorBodySchema.parse(JSON.parse(res.text))).toMatchObject({ status, code, request_id: res.headers['x-request-id'] });
}

/** Waits until the server has logged the line of the request with this id. */
async function logLineOf(requestId: string | string[] | undefined): Promise<string[]> {
  for (let i = 0; i < 100; i += 1) {
    const lines = server.stdoutLines().filter((l) => l.includes(String(requestId)));
    if (lines.length > 0) return lines;
    await new Promise((r) => setTimeout(r, 20));
  }
  return [];
}

describe('request log (defect 1: log forging and terminal escapes)', () => {
  it('writes exactly one line per request, with control characters escaped', async () => {
    const forged = '/api/organizations/x%0A2026-01-01T00:00:00.000Z%20POST%20/api/service-account-token%20200%201.0ms%20forged';
    const attacks = [forged, '/api/x%0D%0Aforged', '/api/x%1B%5B2J%1B%5D0;pwned%07', '/x%00%7F%C2%9B%E2%80%A8', '/api/x%5Cx0a'];
    const before = server.stdoutLines().length;
    const ids: string[] = [];
    for (const path of attacks) {
      const res = await rawRequest(server.url, path);
      expect([401, 404]).toContain(res.status);
      ids.push(String(res.headers['x-request-id']));
    }
    for (const id of ids) expect(await logLineOf(id)).toHaveLength(1);

    const lines = server.stdoutLines().slice(before);
    expect(lines).toHaveLength(attacks.length);
    for (const line of lines) {
      expect(line).toMatch(REQUEST_LINE);
      // eslint-disable-next-line no-control-regex
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    }
    expect(lines.some((l) => /^2026-01-01T00:00:00.000Z POST/.test(l))).toBe(false);
    // The path as sent, still percent-encoded: nothing in it can end the line or reach the terminal.
    expect(lines[0]).toContain(' GET /api/organizations/x%0A2026-01-01T00:00:00.000Z%20POST%20/api/service-account-token%20200%201.0ms%20forged 401 ');
    expect(lines[2]).toContain(' GET /api/x%1B%5B2J%1B%5D0;pwned%07 404 ');
    expect(lines[3]).toContain(' GET /x%00%7F%C2%9B%E2%80%A8 404 ');
  });
});

describe('requests that are not HTTP', () => {
  it('get the error JSON too, not a bare 400 from the parser', async () => {
    const { createConnection } = await import('node:net');
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = createConnection(server.port, '127.0.0.1', () => socket.write('GET /api/organizations HTTP/1.1\r\nHost: 127.0.0.1\r\nBad\u0001Header: x\r\n\r\n'));
      let text = '';
      socket.setEncoding('utf8').on('data', (d: string) => (text += d));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('Connection: close');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, code: 'invalid_request' });
  });
});

describe('413 on a keep-alive connection (defect 3)', () => {
  it('answers an oversized body with Connection: close and loses no other request in the pool', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const statuses: number[] = [];
    const big: RawResponse[] = [];
    const gets: Promise<void>[] = [];
    const headers = { ...bearer(TOKENS.admin), 'Content-Type': 'application/json' };
    for (let round = 0; round < 12; round += 1) {
      const size = [100_000, 300_000, 2_000_000][round % 3] ?? 0;
      const oversize = rawRequest(server.url, SAS, { method: 'POST', headers, body: Buffer.alloc(size, 'x'), agent }).then((r) => {
        big.push(r);
      });
      for (let i = 0; i < 30; i += 1) {
        gets.push(
          rawRequest(server.url, `${SAS}?limit=1`, { headers: bearer(TOKENS.admin), agent }).then(
            (r) => void statuses.push(r.status),
            () => void statuses.push(-1),
          ),
        );
      }
      await oversize;
    }
    await Promise.all(gets);
    agent.destroy();
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(statuses).toHaveLength(360);
    expect(big).toHaveLength(12);
    for (const res of big) {
      expectError(res, 413, 'payload_too_large');
      expect(res.headers.connection).toBe('close');
    }
  });

  it('keeps the connection open after a request whose body was read', async () => {
    const res = await rawRequest(server.url, SAS, {
      method: 'POST',
      headers: { ...bearer(TOKENS.admin), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'keep-alive-kept' }),
      agent: new http.Agent({ keepAlive: true }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.connection).toBe('keep-alive');
  });
});

describe('Host names (defect 5: DNS rebinding)', () => {
  it('refuses a Host it does not serve with 421 and the error JSON, even for the demo tokens', async () => {
    for (const host of ['rebind.evil.example', 'rebind.evil.example:8080', 'localhost.evil.example', '127.0.0.1.nip.io']) {
      const res = await rawRequest(server.url, '/api/dev/principals', { headers: { Host: host } });
      expectError(res, 421, 'misdirected_request');
      expect(res.text).not.toContain(TOKENS.admin);
    }
    expectError(await rawRequest(server.url, '/', { headers: { Host: 'rebind.evil.example' } }), 421, 'misdirected_request');
  });

  it('answers loopback names, HOST and ALLOWED_HOSTS, with any port', async () => {
    const port = server.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST', `[::1]:${port}`, 'console.example.test', 'Console.Example.Test:443']) {
      const res = await rawRequest(server.url, '/api/dev/principals', { headers: { Host: host } });
      expect(res.status, host).toBe(200);
    }
  });
});

describe('Content-Encoding (defect 8)', () => {
  const post = (encoding: string | undefined, body: string | Buffer, path = SAS) =>
    rawRequest(server.url, path, {
      method: 'POST',
      headers: {
        ...bearer(TOKENS.admin),
        'Content-Type': 'application/json',
        ...(encoding === undefined ? {} : { 'Content-Encoding': encoding }),
      },
      body,
    });

  it('answers 415 for any Content-Encoding but identity, compressed or not', async () => {
    const json = JSON.stringify({ name: 'encoded' });
    expectError(await post('gzip', json), 415, 'unsupported_media_type');
    expectError(await post('gzip', gzipSync(json)), 415, 'unsupported_media_type');
    expectError(await post('br', json), 415, 'unsupported_media_type');
    expectError(await post('identity, gzip', json), 415, 'unsupported_media_type');
    const token = await rawRequest(server.url, '/api/service-account-token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Encoding': 'deflate' },
      body: 'grant_type=client_credentials',
    });
    expectError(token, 415, 'unsupported_media_type');
  });

  it('accepts identity and no Content-Encoding', async () => {
    expect((await post('identity', JSON.stringify({ name: 'identity-encoded' }))).status).toBe(201);
    expect((await post(undefined, JSON.stringify({ name: 'not-encoded' }))).status).toBe(201);
  });
});
