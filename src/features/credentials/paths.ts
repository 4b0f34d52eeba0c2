// Links to the SPA routes (see the team brief); each segment is encoded so an id can never
// change the shape of the path.
const seg = encodeURIComponent;

export const serviceAccountPath = (org: string, serviceAccountId: string) =>
  `/orgs/${seg(org)}/service-accounts/${seg(serviceAccountId)}`;

export const credentialPath = (org: string, serviceAccountId: string, credentialId: string) =>
  `${serviceAccountPath(org, serviceAccountId)}/credentials/${seg(credentialId)}`;

export const rotateCredentialPath = (org: string, serviceAccountId: string, credentialId: string) =>
  `${credentialPath(org, serviceAccountId, credentialId)}/rotate`;
