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

afterEach(() => clearSession());

describe('session', () => {
  it('stores the token as JSON under sac.session and clears it', () => {
    setSessionToken('  demo-ada-admin ');
    expect(getSessionToken()).toBe('demo-ada-admin');
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual({ token: 'demo-ada-admin' });
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
    act(() => setSessionToken('demo-vera-viewer'));
    expect(result.current).toBe('demo-vera-viewer');
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
