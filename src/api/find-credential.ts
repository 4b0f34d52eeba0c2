// "Find a credential by client ID", the first step of a leaked-key response. With the server's
// `org_credentials` extension it is one request; without it every service account's
// credentials are read (a few at a time) until the client_id turns up.
import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
import { findOrgCredentialByClientId } from './org-credential-index';
import { streamOrgCredentials, type OrgCredential, type OrgCredentialsProgress } from './org-credentials';

export interface FindCredentialState {
  found: OrgCredential | null;
  /** True once the answer is known (found, or every credential was read). */
  done: boolean;
  /** The scan's progress; undefined with the extension (one request, nothing to show). */
  progress?: OrgCredentialsProgress | undefined;
}

export async function* findCredentialByClientId(
  org: string,
  clientId: string,
  indexed: boolean,
  signal: AbortSignal,
): AsyncGenerator<FindCredentialState> {
  if (indexed) {
    yield { found: await findOrgCredentialByClientId(org, clientId, signal), done: true };
    return;
  }
  // Our own controller, to stop the scan's requests as soon as the credential is found.
  const scan = new AbortController();
  const stop = () => scan.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of streamOrgCredentials(org, scan.signal, { chunkEveryMs: 100 })) {
      const found = chunk.credentials.find((c) => c.client_id === clientId) ?? null;
      const done = found !== null || chunk.progress.phase === 'done';
      yield { found, done, progress: chunk.progress };
      if (done) return;
    }
  } finally {
    signal.removeEventListener('abort', stop);
    scan.abort();
  }
}

export const findCredentialQueries = {
  byClientId: (org: string, clientId: string, indexed: boolean) =>
    queryOptions({
      queryKey: ['find-credential', org, clientId, indexed] as const,
      queryFn: streamedQuery({
        streamFn: ({ signal }) => findCredentialByClientId(org, clientId, indexed, signal),
        reducer: (_previous: FindCredentialState, next: FindCredentialState) => next,
        initialValue: { found: null, done: false } as FindCredentialState,
      }),
      // A leak response wants the current answer every time; nothing to keep.
      staleTime: 0,
      gcTime: 0,
      retry: false,
    }),
};
