// Which page a URL is: the page names and their patterns (from ROUTES), apart from the page table
// (pages.ts) and its chunk loaders so that the boot script (src/boot.ts) can match the URL in a
// few hundred bytes (issue 13).
import { ROUTES } from '../lib/paths';

export const PAGE_PATHS = {
  signIn: ROUTES.signIn,
  home: ROUTES.home,
  serviceAccounts: ROUTES.serviceAccounts,
  serviceAccount: ROUTES.serviceAccount,
  credential: ROUTES.credential,
  rotateCredential: ROUTES.rotateCredential,
  credentialReview: ROUTES.credentialReview,
  findCredential: ROUTES.findCredential,
  activity: ROUTES.activity,
} as const;

export type PageName = keyof typeof PAGE_PATHS;

/** The page whose pattern matches `pathname` (`:param` matches one segment) and its parameters. */
export function matchPage(pathname: string): { name: PageName; params: Record<string, string> } | undefined {
  const segments = pathname.split('/').filter(Boolean);
  for (const name of Object.keys(PAGE_PATHS) as PageName[]) {
    const pattern = PAGE_PATHS[name].split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (!part.startsWith(':')) return part === segment;
      params[part.slice(1)] = safeDecode(segment);
      return true;
    });
    if (matches) return { name, params };
  }
  return undefined;
}

/** The organization of an `/orgs/:org/...` path (any page under it, or none), decoded. */
export function matchOrg(pathname: string): string | undefined {
  const [first, org] = pathname.split('/').filter(Boolean);
  return first === ROUTES.org.split('/')[1] && org !== undefined ? safeDecode(org) : undefined;
}

// As the router decodes parameters; a malformed escape stays as it is (the page then says "not found").
export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
