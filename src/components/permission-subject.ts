import { createContext } from 'react';

/** Who is asking, for the plain-words reasons of denied controls: "You are a viewer in Acme Corp." */
export type PermissionSubject = { roleName?: string; orgName?: string };

// Its own module: the organization boundary (in the entry chunk) provides it, while the gates that
// read it load with the pages.
export const PermissionSubjectContext = createContext<PermissionSubject | null>(null);
