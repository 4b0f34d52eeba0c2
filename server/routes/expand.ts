// What `expand=permissions` adds to a response: the caller's permissions map on each item, and on
// a list the list's own map too (the shapes are in auth/authorize.ts).
import type { Permissions } from '../../src/api/schemas';
import { permissionsFor } from '../auth/authorize';
import type { Page } from '../db/pagination';
import type { ContextWith, OrgEnv } from '../http/context';
import { wantsPermissions } from '../http/query';
import { presentList } from './present';

type Entity = 'service_account' | 'credential';
const LIST_SHAPE = { service_account: 'service_account_list', credential: 'credential_list' } as const;

/** The item's permissions map when the request asks for it. */
export function itemPermissions(c: ContextWith<OrgEnv>, entity: Entity): Permissions | undefined {
  return wantsPermissions(c) ? permissionsFor(c.var.principal, c.var.org, entity) : undefined;
}

/** A page as the list response: every list of service accounts or credentials has this one shape. */
export function presentPage<Row, Item>(
  c: ContextWith<OrgEnv>,
  entity: Entity,
  page: Page<Row>,
  present: (row: Row, permissions: Permissions | undefined) => Item,
) {
  // One map serves every item (all are in the same org); it is built once per role and shape.
  const permissions = itemPermissions(c, entity);
  const listPermissions = permissions && permissionsFor(c.var.principal, c.var.org, LIST_SHAPE[entity]);
  return presentList(page, (row) => present(row, permissions), listPermissions);
}
