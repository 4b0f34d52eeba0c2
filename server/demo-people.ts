import type { Role } from '../src/api/schemas';

/**
 * The seeded people. Their tokens are public, stable strings so that tests and the sign-in page
 * can use them; they exist only in databases seeded with demo data.
 */
export const DEMO_PEOPLE: readonly {
  name: string;
  email: string;
  token: string;
  memberships: readonly { org: string; role: Role }[];
}[] = [
  {
    name: 'Ada Admin',
    email: 'ada@acme.example',
    token: 'demo-ada-admin',
    memberships: [
      { org: 'acme', role: 'org_admin' },
      { org: 'globex', role: 'org_viewer' },
    ],
  },
  {
    name: 'Oscar Operator',
    email: 'oscar@acme.example',
    token: 'demo-oscar-operator',
    memberships: [{ org: 'acme', role: 'sa_operator' }],
  },
  {
    name: 'Vera Viewer',
    email: 'vera@acme.example',
    token: 'demo-vera-viewer',
    memberships: [{ org: 'acme', role: 'org_viewer' }],
  },
  {
    name: 'Gina Globex',
    email: 'gina@globex.example',
    token: 'demo-gina-globex',
    memberships: [{ org: 'globex', role: 'org_admin' }],
  },
];

export const DEMO_ADMIN_EMAIL = 'ada@acme.example';
