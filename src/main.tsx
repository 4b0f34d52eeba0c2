// First of all, before React DOM and the router: the page's chunk and requests (app/early-start.ts).
import './app/early-start';
import { firstPageReady, navigation, queryClient, toastStore } from './app/start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerAssetCache } from './app/asset-cache';
import { RouteErrorBoundary } from './app/error-boundary';
import { AppProviders } from './app/providers';
import { AppRoutes } from './app/routes';
import { NavigationRouter } from './lib/navigation-router';
import './styles/index.css';

const root = createRoot(document.getElementById('root')!);

// The first render waits (briefly) for the page's chunk, so React draws the page at once instead
// of the loading view first and the page after it (issue 13).
void firstPageReady.then(() =>
  root.render(
    <StrictMode>
      <AppProviders queryClient={queryClient} toastStore={toastStore}>
        <NavigationRouter navigation={navigation}>
          {/* Around everything: when even the layout fails, the error still gets the page's padding. */}
          <RouteErrorBoundary inMain>
            <AppRoutes />
          </RouteErrorBoundary>
        </NavigationRouter>
      </AppProviders>
    </StrictMode>,
  ),
);

registerAssetCache();
