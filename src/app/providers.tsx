import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ToastProvider } from '../components/toast';
import type { ToastStore } from '../components/toast-store';

/**
 * The query client and the toast queue are created once in app/early-start.ts (the first
 * requests need the same client), and share the toast store so the QueryCache can raise toasts.
 */
export function AppProviders({
  queryClient,
  toastStore,
  children,
}: {
  queryClient: QueryClient;
  toastStore: ToastStore;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider store={toastStore}>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
