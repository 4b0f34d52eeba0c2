import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { credentialQueries } from '../../api/credentials';
import { LIMIT_MAX, type Credential, type CredentialList } from '../../api/schemas';
import { parseDuration, serializeDuration } from '../../lib/duration';
import { findReplacement } from '../../lib/rotation';

/** While clients switch over, the page re-reads last_used_at this often. */
export const ROTATION_POLL_MS = 5_000;

/** The URL parameter that keeps the chosen observation window, e.g. `?window=24h`. */
export const WINDOW_PARAM = 'window';

/**
 * One service account's credentials in a single page: the rotation flow needs the old credential
 * and any replacement pointing at it. Service accounts hold a handful, far below LIMIT_MAX.
 */
export const rotationCredentialsQuery = (org: string, serviceAccountId: string) =>
  credentialQueries.list(org, serviceAccountId, { limit: LIMIT_MAX });

function switchingOver(credentialId: string, list: CredentialList | undefined): boolean {
  const items = list?.items ?? [];
  return items.some((c) => c.id === credentialId) && findReplacement(credentialId, items) !== null;
}

/**
 * The countdown's clock. Call `useClockUpdates` with its setter once the window is known: it
 * ticks every second when the window is short enough for seconds to matter (else every 15 s),
 * and exactly when the window ends, so "safe to revoke" appears on time with the page left open.
 */
export function useRotationClock() {
  return useState(() => Date.now());
}

export function useClockUpdates(setNow: (now: number) => void, windowMs: number, endsAt: Date | null) {
  const tickMs = windowMs <= 10 * 60_000 ? 1_000 : 15_000;
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [setNow, tickMs]);
  const endsAtMs = endsAt?.getTime() ?? null;
  useEffect(() => {
    if (endsAtMs === null) return;
    const delay = endsAtMs - Date.now();
    // setTimeout cannot wait longer than ~24.8 days; the interval covers such windows.
    if (delay < 0 || delay > 2 ** 31 - 1) return;
    const timer = setTimeout(() => setNow(Date.now()), delay + 1);
    return () => clearTimeout(timer);
  }, [setNow, endsAtMs]);
}

/** The observation window the person chose (kept in the URL), or null for the default. */
export function useChosenWindow(): [number | null, (ms: number | null) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const chosen = parseDuration(searchParams.get(WINDOW_PARAM));
  const choose = (ms: number | null) =>
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (ms === null) next.delete(WINDOW_PARAM);
        else next.set(WINDOW_PARAM, serializeDuration(ms));
        return next;
      },
      { replace: true },
    );
  return [chosen, choose];
}

/**
 * The old credential and its replacement, from the API's data only (the replacement is found
 * by the marker in its description), so any browser resumes at the right step. Polls while
 * both exist, i.e. while clients are switching over. `dataUpdatedAt` lets the caller keep its
 * clock no older than the data, so a use recorded seconds ago is not mistaken for one in the future.
 */
export function useRotationCredentials(org: string, serviceAccountId: string, credentialId: string) {
  const query = useQuery({
    ...rotationCredentialsQuery(org, serviceAccountId),
    refetchInterval: (q) => (switchingOver(credentialId, q.state.data) ? ROTATION_POLL_MS : false),
  });
  const items: readonly Credential[] = query.data?.items ?? [];
  return {
    query,
    items,
    old: items.find((c) => c.id === credentialId) ?? null,
    replacement: findReplacement(credentialId, items),
  };
}
