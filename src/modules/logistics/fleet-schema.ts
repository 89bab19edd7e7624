import { Type, type Static } from 'typebox'
import { Nullable, PageQuery, PhoneNumber } from '../../platform/http/index.js'

// Issue 15 (LOG-1, LOG-2, LOG-5): API shapes of the carriers, drivers and trip assignment pages.

/** 运单号前缀: letters and digits, upper case, e.g. YZ, ZT, JT, 78. */
export const WaybillPrefix = Type.String({ pattern: '^[A-Z0-9]{1,8}$' })

export const Carrier = Type.Object({
  id: Type.String(),
  name: Type.String(),
  code: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended')]),
  prefixes: Type.Array(Type.String()),
  createdAt: Type.String(),
})
export type Carrier = Static<typeof Carrier>

const Prefixes = Type.Array(WaybillPrefix, { maxItems: 20 })

export const CreateCarrierBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    code: Type.Optional(
      Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' }),
    ),
    contactName: Type.Optional(Type.String({ maxLength: 50 })),
    contactPhone: Type.Optional(PhoneNumber),
    prefixes: Prefixes,
  },
  { additionalProperties: false },
)
export type CreateCarrierBody = Static<typeof CreateCarrierBody>

export const UpdateCarrierBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    contactName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    contactPhone: Type.Optional(Nullable(PhoneNumber)),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('suspended')])),
    prefixes: Type.Optional(Prefixes),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateCarrierBody = Static<typeof UpdateCarrierBody>

export const FleetListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 100 })),
})
export type FleetListQuery = Static<typeof FleetListQuery>

/** 准驾车型 of a Chinese driving licence. */
export const LICENCE_CLASSES = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2', 'C3', 'C4'] as const
export const LicenceClass = Type.Enum(LICENCE_CLASSES)

export const Driver = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  phone: Nullable(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  licenceClass: Nullable(Type.String()),
  /** The vehicle the planner gives this driver by default. */
  vehicleId: Nullable(Type.String()),
  vehiclePlate: Nullable(Type.String()),
})
export type Driver = Static<typeof Driver>

export const CreateDriverBody = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.-]{2,31}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 50 }),
    password: Type.String({ minLength: 8, maxLength: 128 }),
    phone: PhoneNumber,
    licenceClass: Type.Optional(LicenceClass),
    vehicleId: Type.Optional(Nullable(Type.String())),
  },
  { additionalProperties: false },
)
export type CreateDriverBody = Static<typeof CreateDriverBody>

export const UpdateDriverBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    phone: Type.Optional(PhoneNumber),
    licenceClass: Type.Optional(Nullable(LicenceClass)),
    vehicleId: Type.Optional(Nullable(Type.String())),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateDriverBody = Static<typeof UpdateDriverBody>

export const AssignTripBody = Type.Object(
  {
    vehicleId: Type.Optional(Type.String({ minLength: 1 })),
    driverUserId: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type AssignTripBody = Static<typeof AssignTripBody>
