// The signed-in person's bearer token: the only credential the console keeps, in
// localStorage so a reload stays signed in. Client secrets never come near this file.
import { useSyncExternalStore } from 'react';

export const SESSION_STORAGE_KEY = 'sac.session';

type Listener = () => void;
const listeners = new Set<Listener>();

// `undefined` = not read from storage yet. Storage can throw (disabled, quota, private
// mode), so the in-memory value is the truth and storage is best effort.
let cachedToken: string | null | undefined;

function readStoredToken(): string | null {
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

function writeStoredToken(token: string | null) {
  try {
    if (token === null) globalThis.localStorage?.removeItem(SESSION_STORAGE_KEY);
    else globalThis.localStorage?.setItem(SESSION_STORAGE_KEY, JSON.stringify({ token }));
  } catch {
    // Keep working for this tab; the person signs in again after a reload.
  }
}

function emit() {
  for (const listener of listeners) listener();
}

export function getSessionToken(): string | null {
  if (cachedToken === undefined) cachedToken = readStoredToken();
  return cachedToken;
}

/**
 * Why the last session ended, so every route guard that reacts to the token vanishing
 * redirects the same way (to plain sign-in after signing out, with a note after a 401).
 */
export type SessionEndReason = 'signed-out' | 'expired';
let endReason: SessionEndReason | null = null;

export function getSessionEndReason(): SessionEndReason | null {
  return endReason;
}

export function setSessionToken(token: string) {
  const trimmed = token.trim();
  if (!trimmed) throw new Error('setSessionToken: empty token');
  cachedToken = trimmed;
  endReason = null;
  writeStoredToken(trimmed);
  emit();
}

export function clearSession(reason: SessionEndReason | null = null) {
  cachedToken = null;
  endReason = reason;
  writeStoredToken(null);
  emit();
}

export function subscribeToSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Signing out (or in) in one tab applies to every open tab.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== SESSION_STORAGE_KEY && event.key !== null) return;
    const next = readStoredToken();
    if (next === cachedToken) return;
    cachedToken = next;
    endReason = null;
    emit();
  });
}

export function useSessionToken(): string | null {
  return useSyncExternalStore(subscribeToSession, getSessionToken, () => null);
}
