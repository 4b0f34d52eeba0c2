import { useEffect } from 'react';

const APP_NAME = 'Service Accounts Console';

/** Sets "<title> · Service Accounts Console" while the page is shown. */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = `${title} · ${APP_NAME}`;
    return () => {
      document.title = previous;
    };
  }, [title]);
}
