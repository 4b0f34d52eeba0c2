// First of all, before React DOM and the router: the page's chunk and requests (app/early-start.ts).
import './app/early-start';
import { queryClient, router, routerReady, toastStore } from './app/start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { registerAssetCache } from './app/asset-cache';
import { AppProviders } from './app/providers';
import './styles/index.css';

const root = createRoot(document.getElementById('root')!);

// The first render waits (briefly) for the page's chunk, so React draws the page at once instead
// of the loading fallback first and the page after it (issue 13).
void routerReady.then(() =>
  root.render(
    <StrictMode>
      <AppProviders queryClient={queryClient} toastStore={toastStore}>
        {/* Router updates render at once instead of in a time-sliced transition: the first page
            showed its rows ~50-100 ms after the data arrived while React yielded (issue 13). */}
        <RouterProvider router={router} useTransitions={false} />
      </AppProviders>
    </StrictMode>,
  ),
);

registerAssetCache();
