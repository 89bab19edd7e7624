import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { listRoles, RoleInfo } from '../access/index.js'
import { actorOf, IdParams, NoContent, Page, withTransaction } from '../http/index.js'
import * as organizationService from './organization-service.js'
import {
  CreateOrganizationBody,
  CreateUserBody,
  Membership,
  MembershipInput,
  Organization,
  OrganizationListQuery,
  SetPasswordBody,
  UpdateOrganizationBody,
  UpdateUserBody,
  User,
  UserListQuery,
} from './schema.js'
import * as userService from './user-service.js'

const MembershipParams = Type.Object({ id: Type.String(), membershipId: Type.String() })

export interface AccountRoutesOptions {
  db: Db
  /** auth's revokeSessionsOf, wired by server/build-app.ts (accounts never imports auth). */
  revokeSessions: userService.RevokeSessions
}

export const accountRoutes: FastifyPluginAsyncTypebox<AccountRoutesOptions> = async (
  app,
  { db, revokeSessions },
) => {
  app.get(
    '/roles',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The roles, where each may be held and what it may do',
        response: { 200: Type.Array(RoleInfo) },
      },
      config: { access: { authenticated: true } },
    },
    () => listRoles(),
  )

  // ---- organizations ----
  app.get(
    '/organizations',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Organizations in your scope',
        querystring: OrganizationListQuery,
        response: { 200: Page(Organization) },
      },
      config: { access: { permission: 'organizations:read' } },
    },
    (request) => organizationService.listOrganizations(db, actorOf(request), request.query),
  )

  app.get(
    '/organizations/:id',
    {
      schema: { tags: ['accounts'], params: IdParams, response: { 200: Organization } },
      config: { access: { permission: 'organizations:read' } },
    },
    (request) => organizationService.getOrganization(db, actorOf(request), request.params.id),
  )

  app.post(
    '/organizations',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Register an organization (operating company only)',
        body: CreateOrganizationBody,
        response: { 201: Organization },
      },
      config: { access: { permission: 'organizations:write' } },
    },
    async (request, reply) => {
      const organization = await withTransaction(db, request, (trx, actor) =>
        organizationService.createOrganization(trx, actor, request.body),
      )
      return reply.status(201).send(organization)
    },
  )

  app.patch(
    '/organizations/:id',
    {
      schema: {
        tags: ['accounts'],
        params: IdParams,
        body: UpdateOrganizationBody,
        response: { 200: Organization },
      },
      config: { access: { permission: 'organizations:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        organizationService.updateOrganization(trx, actor, request.params.id, request.body),
      ),
  )

  // ---- users ----
  app.get(
    '/users',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Users with a membership in your scope',
        querystring: UserListQuery,
        response: { 200: Page(User) },
      },
      config: { access: { permission: 'users:read' } },
    },
    (request) => userService.listUsers(db, actorOf(request), request.query),
  )

  app.get(
    '/users/:id',
    {
      schema: { tags: ['accounts'], params: IdParams, response: { 200: User } },
      config: { access: { permission: 'users:read' } },
    },
    (request) => userService.getUser(db, actorOf(request), request.params.id),
  )

  app.post(
    '/users',
    {
      schema: { tags: ['accounts'], body: CreateUserBody, response: { 201: User } },
      config: { access: { permission: 'users:write' } },
    },
    async (request, reply) => {
      const user = await withTransaction(db, request, (trx, actor) =>
        userService.createUser(trx, actor, request.body),
      )
      return reply.status(201).send(user)
    },
  )

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['accounts'],
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User },
      },
      config: { access: { permission: 'users:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        userService.updateUser(trx, actor, request.params.id, request.body, revokeSessions),
      ),
  )

  app.post(
    '/users/:id/password',
    {
      schema: {
        tags: ['accounts'],
        summary: "Set a user's password; ends the user's other sessions",
        params: IdParams,
        body: SetPasswordBody,
        response: { 204: NoContent },
      },
      config: { access: { permission: 'users:write' } },
    },
    async (request, reply) => {
      await withTransaction(db, request, (trx, actor) =>
        userService.setPassword(
          trx,
          actor,
          request.params.id,
          request.body.password,
          revokeSessions,
        ),
      )
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/users/:id/memberships',
    {
      schema: {
        tags: ['accounts'],
        params: IdParams,
        body: MembershipInput,
        response: { 201: Membership },
      },
      config: { access: { permission: 'users:write' } },
    },
    async (request, reply) => {
      const membership = await withTransaction(db, request, (trx, actor) =>
        userService.addMembership(trx, actor, request.params.id, request.body),
      )
      return reply.status(201).send(membership)
    },
  )

  app.delete(
    '/users/:id/memberships/:membershipId',
    {
      schema: { tags: ['accounts'], params: MembershipParams, response: { 204: NoContent } },
      config: { access: { permission: 'users:write' } },
    },
    async (request, reply) => {
      await withTransaction(db, request, (trx, actor) =>
        userService.removeMembership(trx, actor, request.params.id, request.params.membershipId),
      )
      return reply.status(204).send(null)
    },
  )
}
