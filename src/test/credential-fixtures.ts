// The credential the credentials feature's tests look at, arranged on the real server.
import type { TestServer } from './test-server';

type CredentialFields = Parameters<TestServer['addCredential']>[1];

/** "Deploy bot" (client-abc123, "Used by CI"), created 3 days ago and used 5 minutes ago, unless `overrides` say otherwise. */
export function addDeployBot(server: TestServer, serviceAccountId: string, overrides: Partial<CredentialFields> = {}) {
  return server.addCredential(serviceAccountId, {
    name: 'Deploy bot',
    description: 'Used by CI',
    client_id: 'client-abc123',
    created_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    last_used_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  });
}
