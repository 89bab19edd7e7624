import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { actorOf, IdParams, NoContent, Page, withTransaction } from '../http/index.js'
import {
  CreateUserBody,
  Membership,
  MembershipInput,
  SetPasswordBody,
  UpdateUserBody,
  User,
  UserListQuery,
} from './schema.js'
import * as userService from './user-service.js'

// Users and their memberships: /api/users.

const MembershipParams = Type.Object({ id: Type.String(), membershipId: Type.String() })

export interface UserRoutesOptions {
  db: Db
  revokeSessions: userService.RevokeSessions
}

export const userRoutes: FastifyPluginAsyncTypebox<UserRoutesOptions> = async (
  app,
  { db, revokeSessions },
) => {
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
