// An in-memory stand-in for the API behind `apiRequest`, for component tests of pages that
// list, create and delete credentials. Install with:
//   vi.mock('../../api/client', async (importOriginal) => ({ ...(await importOriginal()), apiRequest: vi.fn() }));
//   vi.mocked(apiRequest).mockImplementation(api.request);
import { ApiError, type ApiRequestOptions } from '../api/client';
import type { Credential, Permissions, ServiceAccount } from '../api/schemas';

export const CREDENTIAL_PERMISSIONS_ALL: Permissions = {
  service_account_credentials: { read: true, create: true, update: true, delete: true },
};
export const CREDENTIAL_PERMISSIONS_READ_ONLY: Permissions = {
  service_account_credentials: { read: true, create: false, update: false, delete: false },
};

export interface FakeApiOptions {
  serviceAccounts: ServiceAccount[];
  credentials: Record<string, Credential[]>;
  /** The caller's rights, put on every list and item read. */
  permissions?: Permissions;
}

type Handler = (path: string, options: ApiRequestOptions & { schema?: { parse: (v: unknown) => unknown } }) => unknown;

const notFound = (what: string) => new ApiError({ status: 404, code: 'not_found', message: `${what} not found` });

export function createFakeApi({ serviceAccounts, credentials, permissions = CREDENTIAL_PERMISSIONS_ALL }: FakeApiOptions) {
  const state = { serviceAccounts: [...serviceAccounts], credentials: structuredClone(credentials) };
  const calls: { method: string; path: string; body?: unknown }[] = [];
  /** Set to make the next matching requests fail. */
  // `afterApply`: the request takes effect, then its response is lost (a dropped connection).
  const failures: { method: string; pathIncludes: string; error: ApiError; afterApply?: boolean }[] = [];
  let nextId = 1;

  const withPermissions = <T extends object>(item: T) => ({ ...item, permissions });
  const page = <T extends object>(items: T[]) => ({
    items: items.map(withPermissions),
    page_info: { has_next_page: false, has_prev_page: false },
    permissions,
  });

  function handle(method: string, segments: string[], body: unknown): unknown {
    // ['organizations', org, 'service-accounts', saId?, 'credentials'?, credId?]
    const [, , , saId, , credentialId] = segments;
    if (segments.length === 3 && method === 'GET') return page(state.serviceAccounts);
    const account = state.serviceAccounts.find((s) => s.id === saId);
    if (!account || !saId) throw notFound('Service account');
    if (segments.length === 4 && method === 'GET') return withPermissions(account);
    const list = (state.credentials[saId] ??= []);
    if (segments.length === 5 && method === 'GET') return page(list);
    if (segments.length === 5 && method === 'POST') {
      const input = body as { name: string; description?: string };
      const id = `new${String(nextId++).padStart(23, '0')}`;
      const created = {
        id,
        client_id: `client-${id}`,
        name: input.name,
        description: input.description,
        created_at: new Date().toISOString(),
        last_used_at: null,
      };
      list.unshift(created);
      return { ...created, client_secret: `secret-for-${id}` };
    }
    const index = list.findIndex((c) => c.id === credentialId);
    if (index < 0) throw notFound('Credential');
    if (segments.length === 6 && method === 'GET') return withPermissions(list[index]!);
    if (segments.length === 6 && method === 'DELETE') {
      list.splice(index, 1);
      return undefined;
    }
    throw new ApiError({ status: 400, code: 'invalid_request', message: `Unhandled ${method} ${segments.join('/')}` });
  }

  const request: Handler = async (path, options = {}) => {
    const method = options.method ?? 'GET';
    calls.push({ method, path, body: options.body });
    // Let React commit between requests, as a real network would.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (options.signal?.aborted) throw options.signal.reason;
    const failure = failures.find((f) => f.method === method && path.includes(f.pathIncludes));
    if (failure && !failure.afterApply) throw failure.error;
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    const result = handle(method, segments, options.body);
    if (failure) throw failure.error;
    return options.schema ? options.schema.parse(result) : undefined;
  };

  return {
    state,
    calls,
    failures,
    /** Pass to `vi.mocked(apiRequest).mockImplementation(...)`. */
    request: request as never,
    /** Simulates a client exchanging the credential for a token. */
    use(serviceAccountId: string, credentialId: string, at = new Date()) {
      const credential = state.credentials[serviceAccountId]?.find((c) => c.id === credentialId);
      if (!credential) throw new Error(`No credential ${credentialId}`);
      credential.last_used_at = at.toISOString();
    },
  };
}
