import { describe, expect, it } from 'vitest'
import { LocalSmsProvider } from './local-sms.js'

const arrival = (phone: string) => ({
  phone,
  template: 'parcel_arrived',
  params: { waybillNo: 'YZ1', stationName: '佛光村服务站', pickupCode: '123456' },
  signature: '五台村通',
  reference: 'r1',
})

describe('LocalSmsProvider, the offline stand-in for a gateway', () => {
  it('applies a gateway’s per-number flow control: one a minute, five an hour', async () => {
    let now = 0
    const provider = new LocalSmsProvider({ now: () => now })
    await expect(provider.send(arrival('13912345678'))).resolves.toMatchObject({
      providerMessageId: expect.stringMatching(/^local-/) as string,
    })
    await expect(provider.send(arrival('13912345678'))).rejects.toMatchObject({
      code: 'isv.BUSINESS_LIMIT_CONTROL',
      retryable: true,
    })
    await expect(provider.send(arrival('13800001111'))).resolves.toBeDefined()
    for (let minute = 1; minute <= 4; minute++) {
      now = minute * 60_000
      await expect(provider.send(arrival('13912345678'))).resolves.toBeDefined()
    }
    now = 5 * 60_000
    await expect(provider.send(arrival('13912345678'))).rejects.toMatchObject({ retryable: true })
    now = 61 * 60_000
    await expect(provider.send(arrival('13912345678'))).resolves.toBeDefined()
  })

  it('refuses what a gateway refuses, for good', async () => {
    const provider = new LocalSmsProvider()
    await expect(provider.send(arrival('0350-6543210'))).rejects.toMatchObject({
      code: 'isv.MOBILE_NUMBER_ILLEGAL',
      retryable: false,
    })
    await expect(
      provider.send({ ...arrival('13912345678'), template: 'birthday' }),
    ).rejects.toMatchObject({ code: 'isv.SMS_TEMPLATE_ILLEGAL', retryable: false })
    await expect(
      provider.send({ ...arrival('13912345678'), params: { waybillNo: 'YZ1' } }),
    ).rejects.toMatchObject({ code: 'isv.TEMPLATE_MISSING_PARAMETERS', retryable: false })
  })
})
