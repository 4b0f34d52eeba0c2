import { Hono } from 'hono';
import type { DevPrincipal } from '../../src/api/schemas';
import { findPersonByEmail, listMemberships } from '../db/people';
import { DEMO_PEOPLE } from '../demo-people';
import type { AppEnv, Services } from '../http/context';

/** Demo mode only (mounted only then): the seeded people and their tokens, for one-click sign-in. */
export function devRoutes(services: Services) {
  const app = new Hono<AppEnv>();

  app.get('/principals', (c) => {
    const items: DevPrincipal[] = DEMO_PEOPLE.flatMap((demo) => {
      const person = findPersonByEmail(services.db, demo.email);
      if (!person) return [];
      return [
        {
          id: person.id,
          name: person.name,
          email: person.email,
          token: demo.token,
          memberships: listMemberships(services.db, person.id),
        },
      ];
    });
    return c.json({ items });
  });

  return app;
}
