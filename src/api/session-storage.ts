// Where the session's bearer token is kept between visits: localStorage, best effort (it can
// throw: disabled, quota, private mode). Free of React, so the boot script (src/boot.ts) can read
// the token before the console's entry has loaded (issue 13); session.ts holds the live value.

export const SESSION_STORAGE_KEY = 'sac.session';

export function readStoredToken(): string | null {
  try {
    const raw = globalThis.localStorage?.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && 'token' in parsed) {
      const { token } = parsed;
      return typeof token === 'string' && token.length > 0 ? token : null;
    }
    return null;
  } catch {
    return null;
  }
}

export function writeStoredToken(token: string | null) {
  try {
    if (token === null) globalThis.localStorage?.removeItem(SESSION_STORAGE_KEY);
    else globalThis.localStorage?.setItem(SESSION_STORAGE_KEY, JSON.stringify({ token }));
  } catch {
    // Keep working for this tab; the person signs in again after a reload.
  }
}

