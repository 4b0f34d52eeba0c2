import type { Role } from '../../api/schemas';

export const ROLE_LABELS: Record<Role, string> = {
  org_admin: 'Admin',
  sa_operator: 'Operator',
  org_viewer: 'Viewer',
};
