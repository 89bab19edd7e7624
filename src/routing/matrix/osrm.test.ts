import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOsrmProvider } from './osrm.js'
import { travelDistance, travelTime } from './travel-matrix.js'

// A fake OSRM on 127.0.0.1: distance = 1000 × |Δlon| + |Δlat| m, duration = distance / 10 s,
// and no route at all into a point with lat 0.
let server: Server
let baseUrl = ''
const requests: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    requests.push(url.pathname + url.search)
    const coordinates = decodeURIComponent(url.pathname.split('/').pop() ?? '')
      .split(';')
      .map((pair) => pair.split(',').map(Number) as [number, number])
    const sources = (url.searchParams.get('sources') ?? '').split(';').map(Number)
    const destinations = (url.searchParams.get('destinations') ?? '').split(';').map(Number)
    const cell = (i: number, j: number, scale: number): number | null => {
      const [lonA, latA] = coordinates[i] as [number, number]
      const [lonB, latB] = coordinates[j] as [number, number]
      if (latB === 0 && i !== j) return null
      return (1000 * Math.abs(lonA - lonB) + Math.abs(latA - latB)) / scale
    }
    response.setHeader('content-type', 'application/json')
    if (url.pathname.includes('/bad-profile/')) {
      response.end(JSON.stringify({ code: 'InvalidService', message: 'no such profile' }))
      return
    }
    response.end(
      JSON.stringify({
        code: 'Ok',
        durations: sources.map((i) => destinations.map((j) => cell(i, j, 10))),
        distances: sources.map((i) => destinations.map((j) => cell(i, j, 1))),
      }),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

describe('OSRM table adapter', () => {
  it('assembles a full matrix from blocks and marks unroutable pairs as unreachable', async () => {
    const points = [
      { lon: 1, lat: 5 },
      { lon: 2, lat: 7 },
      { lon: 4, lat: 0 },
    ]
    requests.length = 0
    const matrix = await createOsrmProvider({
      baseUrl: `${baseUrl}/`,
      maxTableSize: 2,
    }).buildMatrix(points)
    // Blocks of one source × one destination: 9 requests.
    expect(requests).toHaveLength(9)
    expect(requests[0]).toContain('/table/v1/driving/')
    expect(travelDistance(matrix, 0, 1)).toBe(1002)
    expect(travelTime(matrix, 1, 0)).toBeCloseTo(100.2, 9)
    expect(travelTime(matrix, 0, 2)).toBe(Infinity)
    expect(travelDistance(matrix, 2, 0)).toBe(3005)
  })

  it('turns an OSRM error code into an exception naming it', async () => {
    const provider = createOsrmProvider({ baseUrl, profile: 'bad-profile' })
    await expect(provider.buildMatrix([{ lon: 1, lat: 1 }])).rejects.toThrow('InvalidService')
  })
})
