// The table lives beside the shared schemas so the console can name the roles that may act;
// this server enforces it (authorize.ts) and nothing else states it.
export { PERMISSION_ACTIONS, ROLE_GRANTS, roleAllows } from '../../src/api/roles';
