// Links to the SPA routes (src/app/router.tsx); each segment is encoded so an id can never
// change the shape of the path. `org` is the org's label, or its id when it has none.
const seg = encodeURIComponent;

export const serviceAccountsPath = (org: string, search?: URLSearchParams) => {
  const query = search?.toString();
  return `/orgs/${seg(org)}/service-accounts${query ? `?${query}` : ''}`;
};

export const serviceAccountPath = (org: string, serviceAccountId: string) =>
  `/orgs/${seg(org)}/service-accounts/${seg(serviceAccountId)}`;

export const credentialPath = (org: string, serviceAccountId: string, credentialId: string) =>
  `${serviceAccountPath(org, serviceAccountId)}/credentials/${seg(credentialId)}`;

export const rotateCredentialPath = (org: string, serviceAccountId: string, credentialId: string) =>
  `${credentialPath(org, serviceAccountId, credentialId)}/rotate`;

export const credentialReviewPath = (org: string) => `/orgs/${seg(org)}/credentials`;

/** Finds a credential by its client_id, then replaces itself with the credential's page. */
export const findCredentialPath = (org: string, clientId: string) =>
  `/orgs/${seg(org)}/find-credential?${new URLSearchParams({ client_id: clientId }).toString()}`;

export const credentialReviewSearchPath = (org: string, q: string) =>
  `${credentialReviewPath(org)}?${new URLSearchParams({ q }).toString()}`;

export const activityPath = (org: string, search?: URLSearchParams) => {
  const query = search?.toString();
  return `/orgs/${seg(org)}/activity${query ? `?${query}` : ''}`;
};
