import { lazy, Suspense, useEffect } from 'react';
import type { ComponentProps } from 'react';

const load = () => import('./service-account-form-dialog');

// The form brings react-hook-form and its resolver; keeping it out of the page's chunk
// keeps them off the critical path of the first paint.
const FormDialog = lazy(() => load().then((m) => ({ default: m.ServiceAccountFormDialog })));

/** Renders the create/edit dialog once its code is there (usually already, see usePreloadForm). */
export function LazyServiceAccountFormDialog(props: ComponentProps<typeof FormDialog>) {
  return (
    <Suspense fallback={null}>
      <FormDialog {...props} />
    </Suspense>
  );
}

/** Fetches the form's code once the page is idle, so opening the dialog does not wait for it. */
export function usePreloadForm() {
  useEffect(() => {
    const start = () => void load();
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(start, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(start, 200);
    return () => clearTimeout(timer);
  }, []);
}
