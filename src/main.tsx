// First of all: starts loading the current page's chunk (see app/preload-page.ts).
import './app/preload-page';
// Then, before React DOM: starts the first page's requests (see app/start.ts).
import { queryClient, router, toastStore } from './app/start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import './styles/index.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} toastStore={toastStore}>
      {/* Router updates render at once instead of in a time-sliced transition: the first page
          showed its rows ~50-100 ms after the data arrived while React yielded (issue 13). */}
      <RouterProvider router={router} useTransitions={false} />
    </AppProviders>
  </StrictMode>,
);
