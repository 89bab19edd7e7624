import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import type { RevokeSessions } from '../../platform/accounts/index.js'
import { fillSheet, sendWorkbook } from '../../platform/export/index.js'
import { actorOf, IdParams, Page, withTransaction } from '../../platform/http/index.js'
import { CreateVehicleBody, UpdateVehicleBody, Vehicle } from './dispatch-schema.js'
import { CarrierOption, listAllianceCarriers } from './carriers.js'
import { allCarriers, createCarrier, listCarriers, updateCarrier } from './carrier-admin.js'
import { allDrivers, createDriver, listDrivers, updateDriver } from './drivers.js'
import { createVehicle, listVehicles, updateVehicle } from './fleet.js'
import {
  Carrier,
  CreateCarrierBody,
  CreateDriverBody,
  Driver,
  FleetListQuery,
  UpdateCarrierBody,
  UpdateDriverBody,
} from './fleet-schema.js'

// LOG-3: the fleet, and the carriers a plan's parcels come from. Issue 15: the console manages
// the alliance's carriers (with waybill prefixes), the vehicles and the drivers, each with an
// Excel export.

const SearchQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) })
const yuan = (fen: number) => fen / 100

export interface FleetRoutesOptions {
  db: Db
  /** Ends a disabled driver's sessions (wired in server/build-app.ts). */
  revokeSessions: RevokeSessions
}

export const fleetRoutes: FastifyPluginAsyncTypebox<FleetRoutesOptions> = async (
  app,
  { db, revokeSessions },
) => {
  app.get(
    '/vehicles',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'The fleet by plate; q searches plate and name',
        querystring: SearchQuery,
        response: { 200: Type.Array(Vehicle) },
      },
      config: { access: { permission: 'network:read' } },
    },
    (request) => listVehicles(db, request.query.q),
  )

  app.get(
    '/vehicles.xlsx',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'The fleet as an Excel workbook',
        querystring: SearchQuery,
      },
      config: { access: { permission: 'network:read' } },
    },
    async (request, reply) => {
      const vehicles = await listVehicles(db, request.query.q)
      const sites = new Map(
        (await db.selectFrom('logistics_site').select(['id', 'name']).execute()).map((s) => [
          s.id,
          s.name,
        ]),
      )
      return sendWorkbook(reply, '车辆.xlsx', [
        fillSheet({
          name: '车辆',
          rows: vehicles,
          columns: [
            { header: '车牌号', value: (v) => v.plate, width: 14 },
            { header: '名称', value: (v) => v.name, width: 20 },
            { header: '载重(kg)', value: (v) => v.capacityKg },
            { header: '容积(m³)', value: (v) => v.capacityM3 },
            { header: '日固定成本(元)', value: (v) => yuan(v.fixedCostFen), numberFormat: '0.00' },
            { header: '每公里成本(元)', value: (v) => yuan(v.costPerKmFen), numberFormat: '0.00' },
            {
              header: '每小时成本(元)',
              value: (v) => yuan(v.costPerHourFen),
              numberFormat: '0.00',
            },
            { header: '出车时间', value: (v) => v.shiftStart },
            { header: '收车时间', value: (v) => v.shiftEnd },
            { header: '驻地', value: (v) => sites.get(v.homeSiteId) ?? '', width: 24 },
            { header: '状态', value: (v) => (v.active ? '在用' : '停用') },
          ],
        }),
      ])
    },
  )

  app.post(
    '/vehicles',
    {
      schema: { tags: ['dispatch'], body: CreateVehicleBody, response: { 201: Vehicle } },
      config: { access: { permission: 'network:write' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            createVehicle(trx, actor, request.body),
          ),
        ),
  )

  app.patch(
    '/vehicles/:id',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'Assign a driver, change capacity or shift, or take a vehicle out of service',
        params: IdParams,
        body: UpdateVehicleBody,
        response: { 200: Vehicle },
      },
      config: { access: { permission: 'network:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        updateVehicle(trx, actor, request.params.id, request.body),
      ),
  )

  app.get(
    '/carriers',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'The alliance member carriers, names and ids (for filters and hand-over)',
        response: { 200: Type.Array(CarrierOption) },
      },
      config: { access: { permission: 'parcels:read' } },
    },
    (request) => listAllianceCarriers(db, actorOf(request).scope),
  )

  app.get(
    '/alliance/carriers',
    {
      schema: {
        tags: ['dispatch'],
        summary: "The alliance's carriers with contact, status and waybill prefixes",
        querystring: FleetListQuery,
        response: { 200: Page(Carrier) },
      },
      config: { access: { permission: 'network:read' } },
    },
    (request) => listCarriers(db, actorOf(request), request.query),
  )

  app.get(
    '/alliance/carriers.xlsx',
    {
      schema: { tags: ['dispatch'], summary: 'The carriers as an Excel workbook' },
      config: { access: { permission: 'network:read' } },
    },
    async (request, reply) =>
      sendWorkbook(reply, '联盟快递.xlsx', [
        fillSheet({
          name: '联盟快递',
          rows: await allCarriers(db, actorOf(request)),
          columns: [
            { header: '快递公司', value: (c) => c.name, width: 24 },
            { header: '统一社会信用代码', value: (c) => c.code, width: 22 },
            { header: '运单号前缀', value: (c) => c.prefixes.join(' '), width: 16 },
            { header: '联系人', value: (c) => c.contactName },
            { header: '联系电话', value: (c) => c.contactPhone, width: 16 },
            { header: '状态', value: (c) => (c.status === 'active' ? '正常' : '已停用') },
          ],
        }),
      ]),
  )

  app.post(
    '/alliance/carriers',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'Register a carrier of the alliance (its organization) with its waybill prefixes',
        body: CreateCarrierBody,
        response: { 201: Carrier },
      },
      config: { access: { permission: 'network:write' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            createCarrier(trx, actor, request.body),
          ),
        ),
  )

  app.patch(
    '/alliance/carriers/:id',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'Edit, suspend or reactivate a carrier, or replace its waybill prefixes',
        params: IdParams,
        body: UpdateCarrierBody,
        response: { 200: Carrier },
      },
      config: { access: { permission: 'network:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        updateCarrier(trx, actor, request.params.id, request.body),
      ),
  )

  // Drivers' phone numbers are for the people who plan and assign, not for other drivers.
  app.get(
    '/drivers',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'The drivers (users with the driver role), licence class and default vehicle',
        querystring: FleetListQuery,
        response: { 200: Page(Driver) },
      },
      config: { access: { permission: 'parcels:manage' } },
    },
    (request) => listDrivers(db, request.query),
  )

  app.get(
    '/drivers.xlsx',
    {
      schema: { tags: ['dispatch'], summary: 'The drivers as an Excel workbook' },
      config: { access: { permission: 'parcels:manage' } },
    },
    async (_request, reply) =>
      sendWorkbook(reply, '司机.xlsx', [
        fillSheet({
          name: '司机',
          rows: await allDrivers(db),
          columns: [
            { header: '姓名', value: (d) => d.displayName },
            { header: '用户名', value: (d) => d.username, width: 16 },
            { header: '手机号', value: (d) => d.phone, width: 16 },
            { header: '准驾车型', value: (d) => d.licenceClass },
            { header: '默认车辆', value: (d) => d.vehiclePlate, width: 14 },
            { header: '状态', value: (d) => (d.status === 'active' ? '正常' : '已停用') },
          ],
        }),
      ]),
  )

  app.post(
    '/drivers',
    {
      schema: {
        tags: ['dispatch'],
        summary: "Create a driver: a user with the driver role in the hub's organization",
        body: CreateDriverBody,
        response: { 201: Driver },
      },
      config: { access: { permission: 'network:write' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            createDriver(trx, actor, request.body),
          ),
        ),
  )

  app.patch(
    '/drivers/:id',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'Edit a driver, set the default vehicle, disable or re-enable',
        params: IdParams,
        body: UpdateDriverBody,
        response: { 200: Driver },
      },
      config: { access: { permission: 'network:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        updateDriver(trx, actor, request.params.id, request.body, revokeSessions),
      ),
  )
}
