const seg = encodeURIComponent;

export const serviceAccountsPath = (org: string, search?: URLSearchParams) => {
  const query = search?.toString();
  return `/orgs/${seg(org)}/service-accounts${query ? `?${query}` : ''}`;
};

export const serviceAccountPath = (org: string, serviceAccountId: string) =>
  `/orgs/${seg(org)}/service-accounts/${seg(serviceAccountId)}`;
