import { describe, expect, it } from 'vitest'
import { planDay, receiveAtHub } from './test-support.js'
import { newId } from '../../shared/ids.js'
import { logisticsApp } from '../../test/fixtures.js'

// LOG-8: farm products ride back on the delivery trips; KPI-11: cost per parcel, both directions.

interface Plan {
  id: string
  status: string
  summary: { parcels: number; pickups: number; costFen: number } | null
  trips: {
    costFen: number
    stops: { siteName: string; parcelCount: number; pickupCount: number; pickupKg: number }[]
  }[]
}

describe('uplink (LOG-8)', () => {
  it('collects farm products on the trip that delivers to the station, hands them to a carrier, and reports cost per parcel', async () => {
    const { logIn } = await logisticsApp()
    const station = await logIn('station')
    const hub = await logIn('hub')
    const carrier = await logIn('carrier')
    const [mySite] = (
      await station.request({ method: 'GET', url: '/api/logistics/sites?q=台城村' })
    ).json<{ items: { id: string }[] }>().items
    const [otherSite] = (
      await station.request({ method: 'GET', url: '/api/logistics/sites?q=佛光' })
    ).json<{ items: { id: string }[] }>().items
    const pickup = {
      senderName: '老李',
      senderPhone: '13700000001',
      product: '台蘑干品',
      pieces: 4,
      weightKg: 20,
      destinationAddress: '北京市海淀区中关村大街1号',
    }
    const registered = await station.request({
      method: 'POST',
      url: '/api/logistics/pickups',
      payload: { ...pickup, stationSiteId: mySite?.id },
    })
    expect(registered.statusCode).toBe(201)
    expect(registered.json()).toMatchObject({ status: 'registered', senderPhone: '137****0001' })
    expect(
      (
        await station.request({
          method: 'POST',
          url: '/api/logistics/pickups',
          payload: { ...pickup, stationSiteId: otherSite?.id },
        })
      ).statusCode,
    ).toBe(400)

    await carrier.request({
      method: 'POST',
      url: '/api/logistics/parcels',
      payload: {
        parcels: [
          {
            waybillNo: 'YZ9000000001',
            recipientName: '甲',
            recipientPhone: '13900000001',
            address: '五台县台城镇台城村',
            weightKg: 3,
          },
        ],
      },
    })
    await receiveAtHub(hub, ['YZ9000000001'])
    const plan = await planDay<Plan>(hub, '2026-12-03', 0.5)
    expect(plan.summary).toMatchObject({ parcels: 1, pickups: 4 })
    const stop = plan.trips.flatMap((t) => t.stops).find((s) => s.siteName === '台城村村级服务站')
    expect(stop).toMatchObject({ parcelCount: 1, pickupCount: 4, pickupKg: 20 })
    await hub.request({ method: 'POST', url: `/api/logistics/plans/${plan.id}/publish` })

    const pickupId = registered.json<{ id: string }>().id
    expect(
      (
        await hub.request({
          method: 'POST',
          url: `/api/logistics/pickups/${pickupId}/hand-over`,
          payload: { carrierId: newId(), carrierWaybillNo: 'SF12345678' },
        })
      ).statusCode,
    ).toBe(409)
    expect(
      (
        await hub.request({ method: 'POST', url: `/api/logistics/pickups/${pickupId}/receive` })
      ).json(),
    ).toMatchObject({ status: 'at_hub' })
    const { items: carriers } = (
      await (
        await logIn('operator')
      ).request({ method: 'GET', url: '/api/organizations?type=carrier' })
    ).json<{ items: { id: string }[] }>()
    const handed = await hub.request({
      method: 'POST',
      url: `/api/logistics/pickups/${pickupId}/hand-over`,
      payload: { carrierId: carriers[0]?.id, carrierWaybillNo: 'sf12345678' },
    })
    expect(handed.json()).toMatchObject({ status: 'handed_over', carrierWaybillNo: 'SF12345678' })

    const bureau = await logIn('bureau')
    const cost = (
      await bureau.request({
        method: 'GET',
        url: '/api/logistics/reports/cost-per-parcel?from=2026-12-01&to=2026-12-31',
      })
    ).json<{ costFen: number; costPerParcelFen: number }[]>()
    const tripCost = plan.trips.reduce((sum, t) => sum + t.costFen, 0)
    expect(cost).toEqual([
      {
        period: '2026-12',
        trips: plan.trips.length,
        costFen: tripCost,
        deliveredParcels: 1,
        collectedPickups: 4,
        costPerParcelFen: Math.round((tripCost / 5) * 100) / 100,
      },
    ])
  })
})
