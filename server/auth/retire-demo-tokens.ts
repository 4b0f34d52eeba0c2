import { deletePersonToken, insertPersonToken } from '../db/access-tokens';
import type { Db } from '../db/database';
import { DEMO_PEOPLE } from '../demo-people';
import { hashSecret, newAccessToken } from './tokens';

export interface IssuedPersonToken {
  name: string;
  email: string;
  token: string;
}

/**
 * Outside demo mode the demo people's tokens are public knowledge (they are in the README), so
 * they must not open the API. Each one still in the database is replaced by a random token,
 * returned here so the server can print it exactly once.
 */
export function retireDemoTokens(db: Db, now: Date): IssuedPersonToken[] {
  const at = now.toISOString();
  return db.transaction(() => {
    const issued: IssuedPersonToken[] = [];
    for (const person of DEMO_PEOPLE) {
      const personId = deletePersonToken(db, hashSecret(person.token));
      if (!personId) continue;
      const token = newAccessToken();
      insertPersonToken(db, hashSecret(token), personId, at);
      issued.push({ name: person.name, email: person.email, token });
    }
    return issued;
  }).immediate();
}
