import { UNSAFE_createMemoryHistory as createMemoryHistory } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../test/deferred';
import { createNavigationStore, type PrepareNavigation } from './navigation-store';

function setup(entries: string[], prepare?: PrepareNavigation) {
  const history = createMemoryHistory({ initialEntries: entries, v5Compat: true });
  const navigation = createNavigationStore(history, prepare);
  const path = () => navigation.state.location.pathname;
  return { history, navigation, path };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createNavigationStore', () => {
  it('shows a page once what it needs is ready, keeping the current one (pending) meanwhile', async () => {
    const code = deferred();
    const prepare = vi.fn<PrepareNavigation>((next) => (next.pathname === '/slow' ? code.promise : undefined));
    const { navigation, path } = setup(['/'], prepare);

    navigation.navigate('/fast?x=1');
    expect(path()).toBe('/fast');
    expect(navigation.state.location.search).toBe('?x=1');
    expect(prepare).toHaveBeenLastCalledWith(expect.objectContaining({ pathname: '/fast', search: '?x=1' }), expect.objectContaining({ pathname: '/' }));

    navigation.navigate('/slow');
    expect(path()).toBe('/fast');
    expect(navigation.state.pending).toBe(true);
    code.resolve();
    await flush();
    expect(path()).toBe('/slow');
    expect(navigation.state.pending).toBe(false);
    expect(navigation.state.action).toBe('PUSH');
  });

  it('shows a page whose code failed to load too (its error boundary reports it)', async () => {
    const code = deferred();
    const { navigation, path } = setup(['/'], () => code.promise);
    navigation.navigate('/broken');
    code.reject(new TypeError('Failed to fetch dynamically imported module'));
    await flush();
    expect(path()).toBe('/broken');
  });

  it('drops a navigation still waiting when a newer one is asked for', async () => {
    const slow = deferred();
    const { navigation, path, history } = setup(['/'], (next) => (next.pathname === '/slow' ? slow.promise : undefined));
    navigation.navigate('/slow');
    navigation.navigate('/other', { replace: true });
    expect(path()).toBe('/other');
    slow.resolve();
    await flush();
    expect(path()).toBe('/other');
    expect(history.index).toBe(0);
  });

  it('asks the blocker about links and redirects, and carries them out only on proceed', () => {
    const { navigation, path } = setup(['/secret']);
    const blocker = vi.fn(() => true);
    navigation.setBlocker(blocker);

    navigation.navigate('/elsewhere?tab=2');
    expect(path()).toBe('/secret');
    expect(blocker).toHaveBeenCalledWith({
      currentLocation: expect.objectContaining({ pathname: '/secret' }),
      nextLocation: expect.objectContaining({ pathname: '/elsewhere', search: '?tab=2' }),
    });
    navigation.state.blocked?.reset();
    expect(navigation.state.blocked).toBeNull();
    expect(path()).toBe('/secret');

    navigation.navigate('/elsewhere');
    navigation.state.blocked?.proceed();
    expect(navigation.state.blocked).toBeNull();
    expect(path()).toBe('/elsewhere');
  });

  it('puts Back right back when blocked, and goes back only when the person chooses to leave', () => {
    const { navigation, path, history } = setup(['/list', '/secret']);
    let blocking = true;
    navigation.setBlocker(() => blocking);

    navigation.navigate(-1);
    expect(history.index).toBe(1);
    expect(path()).toBe('/secret');
    expect(navigation.state.blocked).not.toBeNull();

    navigation.state.blocked?.reset();
    expect(history.index).toBe(1);

    navigation.navigate(-1);
    navigation.state.blocked?.proceed();
    expect(history.index).toBe(0);
    expect(path()).toBe('/list');
    expect(navigation.state.action).toBe('POP');

    // The next Back/Forward is asked about again.
    blocking = true;
    navigation.navigate(1);
    expect(path()).toBe('/list');
    expect(navigation.state.blocked).not.toBeNull();
    blocking = false;
  });

  it('stops blocking once the blocker is removed, and forgets a question left open', () => {
    const { navigation, path } = setup(['/secret']);
    const remove = navigation.setBlocker(() => true);
    navigation.navigate('/elsewhere');
    expect(navigation.state.blocked).not.toBeNull();
    remove();
    expect(navigation.state.blocked).toBeNull();
    navigation.navigate('/elsewhere');
    expect(path()).toBe('/elsewhere');
  });

  it('remembers whether a navigation asked to keep the scroll position', () => {
    const { navigation } = setup(['/']);
    navigation.navigator.replace('/?page=2', undefined, { preventScrollReset: true });
    expect(navigation.state.preventScrollReset).toBe(true);
    navigation.navigator.push('/next');
    expect(navigation.state.preventScrollReset).toBe(false);
  });

  it('tells its subscribers about every change', () => {
    const { navigation } = setup(['/']);
    const listener = vi.fn();
    const unsubscribe = navigation.subscribe(listener);
    navigation.navigate('/a');
    expect(listener).toHaveBeenCalled();
    unsubscribe();
    listener.mockClear();
    navigation.navigate('/b');
    expect(listener).not.toHaveBeenCalled();
  });
});
