import type { AfterSaleTable } from './after-sales-schema.js'
import type { listComplaints } from './complaints.js'

// The API shapes of after-sales requests and complaints, from their rows.

export const toAfterSale = (row: AfterSaleTable) => ({
  id: row.id,
  orderId: row.order_id,
  kind: row.kind,
  amountFen: row.amount_fen,
  approvedFen: row.approved_fen,
  returnCarrier: row.return_carrier,
  returnWaybillNo: row.return_waybill_no,
  returnShippedAt: row.return_shipped_at,
  reason: row.reason,
  status: row.status,
  respondBy: row.respond_by,
  merchantNote: row.merchant_note,
  operatorNote: row.operator_note,
  createdAt: row.created_at,
})

export const toComplaint = (row: Awaited<ReturnType<typeof listComplaints>>['items'][number]) => ({
  id: row.id,
  kind: row.kind,
  orderId: row.order_id,
  shopId: row.shop_id,
  description: row.description,
  status: row.status,
  resolution: row.resolution,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})
