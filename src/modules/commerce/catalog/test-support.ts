import type { TestApp, Client } from '../../../test/test-app.js'
import { someTownshipCode } from '../../../test/inspect.js'

// Set-ups the catalog tests share (tests only).

/** A new merchant organization with an administrator, signed in; it has no shop yet. */
export async function newMerchant(
  { logIn, db }: TestApp,
  username: string,
  name: string,
): Promise<{ client: Client; organizationId: string }> {
  const operator = await logIn('operator')
  const organization = await operator.request({
    method: 'POST',
    url: '/api/organizations',
    payload: { type: 'merchant', name, divisionCode: await someTownshipCode(db) },
  })
  const organizationId = organization.json<{ id: string }>().id
  await operator.request({
    method: 'POST',
    url: '/api/users',
    payload: {
      username,
      displayName: `${name}管理员`,
      password: 'long-enough-1',
      memberships: [{ organizationId, role: 'merchant_admin' }],
    },
  })
  return { client: await logIn(username, 'long-enough-1'), organizationId }
}

export async function categoryIdOf(client: Client, name: string): Promise<string> {
  const tree = (await client.request({ method: 'GET', url: '/api/commerce/shop/categories' })).json<
    { id: string; name: string; children: { id: string; name: string }[] }[]
  >()
  const found = tree.flatMap((c) => [c, ...c.children]).find((c) => c.name === name)
  if (!found) throw new Error(`no category ${name}`)
  return found.id
}

export async function seriesIdOf(client: Client, name: string): Promise<string> {
  const brands = (await client.request({ method: 'GET', url: '/api/commerce/shop/brands' })).json<
    { id: string; series: { id: string; name: string }[] }[]
  >()
  const found = brands.flatMap((b) => b.series).find((s) => s.name === name)
  if (!found) throw new Error(`no series ${name}`)
  return found.id
}

export const sku = (priceFen: number, spec = '500g') => ({
  spec,
  unit: '袋',
  priceFen,
  weightG: 550,
  volumeCm3: 900,
})

/** A multipart/form-data body with one file in the field "file". */
export function multipartFile(fileName: string, content: Buffer, contentType = 'image/jpeg') {
  const boundary = '----cuntong-catalog-test'
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

/** The smallest PNG header that says width × height (enough for the type and size checks). */
export function pngBytes(width: number, height: number, extraBytes = 0): Buffer {
  const header = Buffer.alloc(33 + extraBytes)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0)
  header.writeUInt32BE(13, 8)
  header.write('IHDR', 12, 'latin1')
  header.writeUInt32BE(width, 16)
  header.writeUInt32BE(height, 20)
  return header
}
