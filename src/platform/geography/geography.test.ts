import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/test-app.js'
import { aCounty } from '../../test/factories.js'

interface Division {
  code: string
  name: string
  level: string
  childCount: number
  scenicArea: boolean
  path?: string[]
}

/** Wutai's divisions and the demo accounts a test signs in as (the rest of the demo is not needed). */
async function geographyApp(...usernames: string[]) {
  const t = await buildTestApp({ demo: false, accounts: usernames })
  await aCounty(t.db)
  return t
}

describe('geography', () => {
  it('serves Wutai as county → 20 township-level units → 284 villages (2019 codes)', async () => {
    const { logIn } = await geographyApp('station')
    const station = await logIn('station')
    const [county] = (
      await station.request({ method: 'GET', url: '/api/geography/divisions' })
    ).json<Division[]>()
    expect(county).toMatchObject({
      code: '140922',
      name: '五台县',
      level: 'county',
      childCount: 20,
    })
    const townships = (
      await station.request({ method: 'GET', url: '/api/geography/divisions?parentCode=140922' })
    ).json<Division[]>()
    expect(townships).toHaveLength(20)
    expect(townships.reduce((sum, t) => sum + t.childCount, 0)).toBe(284)
    expect(
      townships
        .filter((t) => t.scenicArea)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['台怀镇', '石咀乡', '金岗库乡'].sort())
    const douCun = townships.find((t) => t.name === '豆村镇')
    const villages = (
      await station.request({
        method: 'GET',
        url: `/api/geography/divisions?parentCode=${douCun?.code ?? ''}`,
      })
    ).json<Division[]>()
    expect(villages).toHaveLength(26)
    expect(villages.every((v) => v.level === 'village' && v.code.startsWith('140922103'))).toBe(
      true,
    )
  })

  it('finds villages by name with their path', async () => {
    const { logIn } = await geographyApp('station')
    const station = await logIn('station')
    const matches = (
      await station.request({
        method: 'GET',
        url: `/api/geography/search?q=${encodeURIComponent('佛光')}`,
      })
    ).json<Division[]>()
    expect(matches).toContainEqual(
      expect.objectContaining({ code: '140922103208', path: ['五台县', '豆村镇', '佛光村委会'] }),
    )
  })

  it('answers an unknown code with 404 and a malformed one with 400', async () => {
    const { logIn } = await geographyApp('station')
    const station = await logIn('station')
    expect(
      (await station.request({ method: 'GET', url: '/api/geography/divisions/140922999999' }))
        .statusCode,
    ).toBe(404)
    expect(
      (await station.request({ method: 'GET', url: '/api/geography/divisions/abc' })).statusCode,
    ).toBe(400)
  })
})
