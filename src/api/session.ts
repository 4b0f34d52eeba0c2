// The signed-in person's bearer token: the only credential the console keeps, in
// localStorage so a reload stays signed in. Client secrets never come near this file.
import { useSyncExternalStore } from 'react';
import { readStoredToken, SESSION_STORAGE_KEY, writeStoredToken } from './session-storage';

export { SESSION_STORAGE_KEY };

type Listener = () => void;
const listeners = new Set<Listener>();

// `undefined` = not read from storage yet. Storage can throw (disabled, quota, private
// mode), so the in-memory value is the truth and storage is best effort.
let cachedToken: string | null | undefined;

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
