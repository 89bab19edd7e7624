import { useSession } from '../../../lib/session'
import { AfterSalesQueue } from './after-sales-queue'

/**
 * The operating company's queue (平台介入): requests the merchant refused or left unanswered
 * and the buyer took to the platform. Its decision — a refund of all or part of the amount
 * asked, or a rejection — is final. "All" shows every request in the county.
 */
export function EscalatedAfterSalesPage() {
  const { can } = useSession()
  return (
    <AfterSalesQueue
      title="nav.afterSalesReview"
      decider="decide"
      opensOn="escalated"
      canDecide={(request) => request.status === 'escalated' && can('orders:manage')}
      emptyText={(status) =>
        status === 'escalated' ? 'afterSale.emptyEscalated' : 'afterSale.empty'
      }
    />
  )
}
