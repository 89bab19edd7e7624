// What other folders may use of accounts: organizations, users, memberships.
// Direction: auth depends on accounts (it signs users in and reads their memberships); accounts
// never imports auth. When accounts must end sessions (a disabled user, a new password), it calls
// the RevokeSessions function that server/build-app.ts wires to auth's revokeSessionsOf.
export {
  displayNamesOf,
  findOrganizationSummary,
  holdsRole,
  insertCustomerUser,
  lockUserRow,
  oldestActiveOrganizationOf,
  organizationNamesOf,
  organizationsOf,
  recordLogin,
  userContactsOf,
  usersWithRole,
  type NewCustomerUser,
  type RoleHolder,
  type OrganizationSummary,
  type UserContact,
} from './lookups.js'
export { createFirstAccounts, type FirstAccounts } from './first-accounts.js'
export { toMembership } from './mappers.js'
export { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords.js'
export {
  findMembershipsOfUsers,
  findOrganizationSubtrees,
  findUserById,
  findUserByUsername,
  type MembershipWithOrganization,
} from './repository.js'
export { accountRoutes, type AccountRoutesOptions } from './routes.js'
export { Membership, Username, type AccountsTables, type UserRow } from './schema.js'
export {
  createUser,
  CUSTOMER_USERNAME_PREFIX,
  updateUser,
  type RevokeSessions,
} from './user-service.js'
export {
  createOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organization-service.js'
export {
  CreateOrganizationBody,
  CreateUserBody,
  Password,
  type Organization,
  type User,
} from './schema.js'
