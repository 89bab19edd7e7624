import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { listRoles, RoleInfo } from '../access/index.js'
import { actorOf, IdParams, Page, withTransaction } from '../http/index.js'
import * as organizationService from './organization-service.js'
import {
  CreateOrganizationBody,
  Organization,
  OrganizationListQuery,
  UpdateOrganizationBody,
} from './schema.js'

// Roles and organizations: /api/roles, /api/organizations.

export const organizationRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
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
}
