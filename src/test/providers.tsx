// The app's providers for a component under test: a query client that fails fast (no retries,
// so error states show at once) and a toast queue. Usable as `render(ui, { wrapper: TestProviders })`.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ToastProvider } from '../components/toast';

export function createTestQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

export function TestProviders({ client, children }: { client?: QueryClient; children: ReactNode }) {
  const [ownClient] = useState(() => client ?? createTestQueryClient());
  return (
    <QueryClientProvider client={ownClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
