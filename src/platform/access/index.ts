// What other folders may use of access: roles, Principal and Scope, the route guard, the
// out-of-scope errors. Above http and audit; accounts and auth stand on it.
export { DeniedActionError, OutOfScopeError } from './denied.js'
export { registerAccessGuard } from './guard.js'
export {
  isInScope,
  permissionsOf,
  type Principal,
  type PrincipalMembership,
  type Scope,
} from './principal.js'
export {
  isRoleAllowedFor,
  listRoles,
  OrganizationType,
  Permission,
  Role,
  RoleInfo,
  roleDefinition,
} from './roles.js'
