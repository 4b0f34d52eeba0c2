import { createContext } from 'react';
import type { Permissions, Role } from '../api/schemas';

/**
 * Who is asking, for the plain-words reasons of denied controls: "You are a viewer in Acme Corp."
 * `role` is the demo sign-in's membership when known; otherwise the gate reads the role off the
 * organization's `permissions` map (the role table is not needed before a gate shows).
 */
export type PermissionSubject = { role?: Role | undefined; permissions?: Permissions | null | undefined; orgName?: string | undefined };

// Its own module: the organization boundary (in the entry chunk) provides it, while the gates that
// read it load with the pages.
export const PermissionSubjectContext = createContext<PermissionSubject | null>(null);
