import { createContext, use, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { cx } from './cx';
import { createToastStore } from './toast-store';
import type { Toast, ToastStore } from './toast-store';

const ToastContext = createContext<ToastStore | null>(null);

export type ToastApi = Pick<ToastStore, 'success' | 'error' | 'info' | 'dismiss'>;

export function useToast(): ToastApi {
  const store = use(ToastContext);
  if (!store) throw new Error('useToast must be used inside <ToastProvider>');
  return store;
}

/** Pass `store` to share the queue with code outside React (see app/providers.tsx). */
export function ToastProvider({ store, children }: { store?: ToastStore; children: ReactNode }) {
  const [ownStore] = useState(() => store ?? createToastStore());
  return (
    <ToastContext value={ownStore}>
      {children}
      <ToastRegion store={ownStore} />
    </ToastContext>
  );
}

function ToastRegion({ store }: { store: ToastStore }) {
  const toasts = useSyncExternalStore(store.subscribe, store.getSnapshot);
  // The live region exists before any toast does, so the first message is announced.
  return (
    <section className="toast-region" aria-label="Notifications">
      <ol className="toast-list" aria-live="polite" aria-relevant="additions text">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDismiss={() => store.dismiss(t.id)} />
        ))}
      </ol>
    </section>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(toast.duration);
  const dismissRef = useRef(onDismiss);
  useEffect(() => {
    dismissRef.current = onDismiss;
  });

  // Hovering or focusing a toast pauses its clock, so it cannot vanish while being read.
  useEffect(() => {
    if (paused || toast.duration <= 0) return;
    const started = Date.now();
    const timer = setTimeout(() => dismissRef.current(), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(0, remaining.current - (Date.now() - started));
    };
  }, [paused, toast.duration]);

  return (
    <li
      className={cx('toast', `toast--${toast.tone}`)}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setPaused(false);
      }}
    >
      <span className="toast__icon" aria-hidden="true">
        {toast.tone === 'success' ? '✓' : toast.tone === 'error' ? '!' : 'i'}
      </span>
      <div className="toast__content">
        <p className="toast__title">
          {toast.tone === 'error' && <span className="visually-hidden">Error: </span>}
          {toast.title}
        </p>
        {toast.description && <p className="toast__description">{toast.description}</p>}
      </div>
      <button type="button" className="btn btn--ghost btn--icon btn--sm toast__dismiss" onClick={onDismiss} aria-label="Dismiss notification">
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
