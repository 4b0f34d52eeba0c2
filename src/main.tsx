import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import { createAppQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { createToastStore } from './components/toast-store';
import './styles/index.css';

const toastStore = createToastStore();
const queryClient = createAppQueryClient(toastStore);
const router = createAppRouter(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} toastStore={toastStore}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
