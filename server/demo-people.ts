import type { Role } from '../src/api/schemas';

export interface DemoPerson {
  name: string;
  email: string;
  token: string;
  memberships: readonly { org: string; role: Role }[];
}

/**
 * The seeded people, by first name. Their tokens are public, stable strings so that tests and the
 * sign-in page can use them; they exist only in databases seeded with demo data. The one place
 * the tokens are written: the seed, the API tests, the component tests and the e2e specs import them.
 */
export const DEMO_PERSON = {
  ada: {
    name: 'Ada Admin',
    email: 'ada@acme.example',
    token: 'demo-ada-admin',
    memberships: [
      { org: 'acme', role: 'org_admin' },
      { org: 'globex', role: 'org_viewer' },
    ],
  },
  oscar: {
    name: 'Oscar Operator',
    email: 'oscar@acme.example',
    token: 'demo-oscar-operator',
    memberships: [{ org: 'acme', role: 'sa_operator' }],
  },
  vera: {
    name: 'Vera Viewer',
    email: 'vera@acme.example',
    token: 'demo-vera-viewer',
    memberships: [{ org: 'acme', role: 'org_viewer' }],
  },
  gina: {
    name: 'Gina Globex',
    email: 'gina@globex.example',
    token: 'demo-gina-globex',
    memberships: [{ org: 'globex', role: 'org_admin' }],
  },
} as const satisfies Record<string, DemoPerson>;

export type DemoPersonName = keyof typeof DEMO_PERSON;

export const DEMO_PEOPLE: readonly DemoPerson[] = Object.values(DEMO_PERSON);

export const DEMO_ADMIN_EMAIL = DEMO_PERSON.ada.email;
