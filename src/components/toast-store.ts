export type ToastTone = 'success' | 'error' | 'info';

export type Toast = {
  id: number;
  tone: ToastTone;
  title: string;
  description?: string;
  /** ms before auto-dismiss; 0 keeps it until dismissed. */
  duration: number;
};

export type ToastOptions = { description?: string; duration?: number };

const DEFAULT_DURATION: Record<ToastTone, number> = { success: 5000, info: 5000, error: 9000 };
const MAX_VISIBLE = 4;

export type ToastStore = ReturnType<typeof createToastStore>;

/**
 * Lives outside React so non-component code (the QueryCache's onError) can raise toasts
 * through the same queue the components use.
 */
export function createToastStore() {
  let toasts: readonly Toast[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());

  function show(tone: ToastTone, title: string, options: ToastOptions = {}): number {
    // The same message twice in a row (e.g. several failing refetches) shows once.
    const duplicate = toasts.find((t) => t.tone === tone && t.title === title && t.description === options.description);
    if (duplicate) return duplicate.id;
    const toast: Toast = {
      id: nextId++,
      tone,
      title,
      description: options.description,
      duration: options.duration ?? DEFAULT_DURATION[tone],
    };
    toasts = [...toasts, toast].slice(-MAX_VISIBLE);
    emit();
    return toast.id;
  }

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => toasts,
    success: (title: string, options?: ToastOptions) => show('success', title, options),
    error: (title: string, options?: ToastOptions) => show('error', title, options),
    info: (title: string, options?: ToastOptions) => show('info', title, options),
    dismiss(id: number) {
      const before = toasts.length;
      toasts = toasts.filter((t) => t.id !== id);
      if (toasts.length !== before) emit();
    },
  };
}
