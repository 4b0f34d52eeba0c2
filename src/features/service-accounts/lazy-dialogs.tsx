import { lazy, Suspense, useEffect } from 'react';
import type { ComponentProps } from 'react';

// The dialogs' code is not on the pages' critical path: the form brings react-hook-form and its
// resolver, and the list page is part of the entry (issue 13). Each loads when the page is idle.
const loadForm = () => import('./service-account-form-dialog');
const loadDelete = () => import('./delete-service-account-dialog');

const FormDialog = lazy(() => loadForm().then((m) => ({ default: m.ServiceAccountFormDialog })));
const DeleteDialog = lazy(() => loadDelete().then((m) => ({ default: m.DeleteServiceAccountDialog })));

/** The create/edit dialog, once its code is there (usually already, see usePreloadDialogs). */
export function LazyServiceAccountFormDialog(props: ComponentProps<typeof FormDialog>) {
  return (
    <Suspense fallback={null}>
      <FormDialog {...props} />
    </Suspense>
  );
}

/** The delete dialog, rendered only while a service account is being deleted. */
export function LazyDeleteServiceAccountDialog(props: ComponentProps<typeof DeleteDialog>) {
  if (!props.serviceAccount) return null;
  return (
    <Suspense fallback={null}>
      <DeleteDialog {...props} />
    </Suspense>
  );
}

/** Fetches the dialogs' code once the page is idle, so opening one does not wait for it. */
export function usePreloadDialogs() {
  useEffect(() => {
    const start = () => {
      void loadForm();
      void loadDelete();
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(start, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(start, 200);
    return () => clearTimeout(timer);
  }, []);
}
