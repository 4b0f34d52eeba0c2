import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SESSION_STORAGE_KEY,
  clearSession,
  getSessionToken,
  setSessionToken,
  subscribeToSession,
  useSessionToken,
} from './session';
import { DEMO_PERSON } from '../test/demo-people';

afterEach(() => clearSession());

describe('session', () => {
  it('stores the token as JSON under sac.session and clears it', () => {
    setSessionToken(`  ${DEMO_PERSON.ada.token} `);
    expect(getSessionToken()).toBe(DEMO_PERSON.ada.token);
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual({ token: DEMO_PERSON.ada.token });
    clearSession();
    expect(getSessionToken()).toBeNull();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('refuses an empty token', () => {
    expect(() => setSessionToken('   ')).toThrow();
  });

  it('notifies subscribers', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeToSession(listener);
    setSessionToken('t1');
    clearSession();
    unsubscribe();
    setSessionToken('t2');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('useSessionToken re-renders on change', () => {
    const { result } = renderHook(() => useSessionToken());
    expect(result.current).toBeNull();
    act(() => setSessionToken(DEMO_PERSON.vera.token));
    expect(result.current).toBe(DEMO_PERSON.vera.token);
    act(() => clearSession());
    expect(result.current).toBeNull();
  });

  it('follows sign-in and sign-out in another tab', () => {
    const { result } = renderHook(() => useSessionToken());
    act(() => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ token: 'from-other-tab' }));
      window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY }));
    });
    expect(result.current).toBe('from-other-tab');
    act(() => {
      localStorage.removeItem(SESSION_STORAGE_KEY);
      window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY }));
    });
    expect(result.current).toBeNull();
  });
});
