import { createContext, use, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { Router } from 'react-router';
import type { BlockedNavigation, NavigationBlocker, NavigationState, NavigationStore } from './navigation-store';

const NavigationStoreContext = createContext<NavigationStore | null>(null);

/** react-router's <Router>, driven by a navigation store (navigation-store.ts). */
export function NavigationRouter({ navigation, children }: { navigation: NavigationStore; children: ReactNode }) {
  const state = useSyncExternalStore(navigation.subscribe, navigation.getState);
  return (
    <NavigationStoreContext value={navigation}>
      <Router location={state.location} navigationType={state.action} navigator={navigation.navigator}>
        {children}
      </Router>
    </NavigationStoreContext>
  );
}

function useNavigationStore(): NavigationStore {
  const navigation = use(NavigationStoreContext);
  if (!navigation) throw new Error('A navigation hook is used outside <NavigationRouter>.');
  return navigation;
}

export function useNavigationState(): NavigationState {
  const navigation = useNavigationStore();
  return useSyncExternalStore(navigation.subscribe, navigation.getState);
}

/**
 * Stops every navigation for which `shouldBlock` says so, Back and Forward included, until the
 * person decides: `blocked` is then the stopped navigation, to `proceed` or `reset`.
 */
export function useNavigationBlocker(shouldBlock: NavigationBlocker): BlockedNavigation | null {
  const navigation = useNavigationStore();
  const latest = useRef(shouldBlock);
  useEffect(() => {
    latest.current = shouldBlock;
  });
  useEffect(() => navigation.setBlocker((transition) => latest.current(transition)), [navigation]);
  return useNavigationState().blocked;
}
