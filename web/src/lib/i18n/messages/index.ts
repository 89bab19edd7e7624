import { accountMessages } from './account'
import { afterSalesMessages } from './after-sales'
import { apiTokenMessages } from './api-tokens'
import { auditMessages } from './audit-log'
import { commerceMessages } from './commerce'
import { commonMessages } from './common'
import { countyMessages } from './county'
import { fleetMessages } from './fleet'
import { geographyMessages } from './geography'
import { logisticsMessages } from './logistics'
import { networkMessages } from './network'
import { organizationMessages } from './organizations'
import { payoutMessages } from './payouts'
import { pickupMessages } from './pickups'
import { promotionMessages } from './promotions'
import { scanningMessages } from './scanning'
import { smsLogMessages } from './sms-log'
import { userMessages } from './users'

// Each message is [中文, English]; the tuple type makes a missing translation a type error.
export const messages = {
  ...commonMessages,
  ...countyMessages,
  ...accountMessages,
  ...userMessages,
  ...organizationMessages,
  ...apiTokenMessages,
  ...auditMessages,
  ...geographyMessages,
  ...logisticsMessages,
  ...networkMessages,
  ...fleetMessages,
  ...pickupMessages,
  ...commerceMessages,
  ...payoutMessages,
  ...afterSalesMessages,
  ...smsLogMessages,
  ...promotionMessages,
  ...scanningMessages,
}

export type MessageKey = keyof typeof messages
