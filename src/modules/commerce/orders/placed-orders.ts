import type { PlacedCheckout } from './checkout.js'
import type { CheckoutPlan } from './checkout-plan.js'
import type { Order } from './order-schema.js'
import { toOrder, type OrderRelations } from './order-views.js'

// The orders a checkout has just placed, as the buyer sees them, built from the rows it wrote and
// what it read to plan them, instead of reading them all back after the commit (issue 14). The
// same mapping as a later GET, in the same order: orders and lines by id.

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function placedOrders(plan: CheckoutPlan, placed: PlacedCheckout): Order[] {
  const relations: OrderRelations = {
    shopNames: new Map(plan.lines.map((line) => [line.shopId, line.shopName])),
    locations: new Map(plan.pickupPoint ? [[plan.pickupPoint.id, plan.pickupPoint]] : []),
    lines: [...placed.lines].sort(byId),
    events: placed.events,
    parcels: new Map(),
  }
  return [...placed.orders]
    .sort(byId)
    .map((row) => toOrder(row, relations, { showPickupCode: true }))
}
