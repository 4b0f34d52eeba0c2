// Two credentials of one service account may share a name (a replacement made by another
// client, or by hand). Every control that acts on one must still say which.

export interface NamedCredential {
  id: string;
  name: string;
  client_id: string;
}

const SUFFIX_LENGTH = 6;
const key = (name: string) => name.trim().toLowerCase();

/**
 * Each credential's name for labels ("Rotate …", "Delete …"): the name alone when it is unique
 * in the list, else the name with the end of its client ID, "billing (…a1b2c3)", or the
 * whole client ID if even those ends collide.
 */
export function distinctCredentialNames(credentials: readonly NamedCredential[]): Map<string, string> {
  const byName = new Map<string, NamedCredential[]>();
  for (const c of credentials) byName.set(key(c.name), [...(byName.get(key(c.name)) ?? []), c]);
  const names = new Map<string, string>();
  for (const group of byName.values()) {
    if (group.length === 1) {
      names.set(group[0]!.id, group[0]!.name);
      continue;
    }
    const ends = group.map((c) => c.client_id.slice(-SUFFIX_LENGTH));
    const endsDiffer = new Set(ends).size === ends.length;
    for (const c of group) names.set(c.id, `${c.name} (${endsDiffer ? `…${c.client_id.slice(-SUFFIX_LENGTH)}` : c.client_id})`);
  }
  return names;
}
