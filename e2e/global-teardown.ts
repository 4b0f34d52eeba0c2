import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The server's database lives in a directory made for this run only (see playwright.config.ts).
// The check keeps a hand-set E2E_DATABASE_DIR pointing anywhere else from being deleted.
export default function globalTeardown() {
  const dir = process.env.E2E_DATABASE_DIR;
  if (dir && path.dirname(dir) === os.tmpdir() && path.basename(dir).startsWith('sac-e2e-')) {
    rmSync(dir, { recursive: true, force: true });
  }
}
