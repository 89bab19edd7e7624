import { useSession } from '../../../lib/session'
import { AfterSalesQueue } from './after-sales-queue'

/**
 * The merchant's after-sales requests (the shops in the user's reach), the nearest deadline
 * first. A request still awaiting the merchant is approved — all or part — or refused with a
 * reason; the buyer may take a refusal to the operating company.
 */
export function AfterSalesPage() {
  const { can } = useSession()
  return (
    <AfterSalesQueue
      title="nav.afterSales"
      decider="respond"
      canDecide={(request) => request.status === 'awaiting_merchant' && can('after-sales:respond')}
      emptyText={() => 'afterSale.empty'}
    />
  )
}
