import { ROUTES } from '../../lib/paths';

/**
 * Only same-origin relative paths may come back from `?returnTo=`: anything else
 * ("//evil.example", "https://…", "/\\evil") would turn sign-in into an open redirect.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/')) return '/';
  if (value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters (tabs, newlines) are stripped by URL parsers and can smuggle in a "//".
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  try {
    const base = 'https://console.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return '/';
    if (url.pathname === ROUTES.signIn) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

interface LocationLike {
  pathname: string;
  search: string;
  /** Kept through sign-in: a deep link's #fragment is part of where the person was going. */
  hash?: string;
}

/** `/sign-in?returnTo=<where the person was>`; `expired` adds a note that the session ended. */
export function signInPath(from?: LocationLike, { expired = false }: { expired?: boolean } = {}): string {
  const params = new URLSearchParams();
  const returnTo = from ? `${from.pathname}${from.search}${from.hash ?? ''}` : '';
  if (returnTo && returnTo !== '/' && from?.pathname !== ROUTES.signIn) params.set('returnTo', returnTo);
  if (expired) params.set('reason', 'expired');
  const query = params.toString();
  return query ? `${ROUTES.signIn}?${query}` : ROUTES.signIn;
}
