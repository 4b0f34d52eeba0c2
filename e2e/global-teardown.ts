import { rmSync } from 'node:fs';

// The server's database lives in a directory made for this run only (see playwright.config.ts).
export default function globalTeardown() {
  const dir = process.env.E2E_DATABASE_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
