import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type Client } from '../../test/test-app.js'
import { DiskMediaStorage } from './media-storage.js'
import { multipartFile, pngBytes } from './test-support.js'
import { inspectImage } from './image-file.js'

// Product photos: JPEG, PNG or WebP by their bytes, at most 5 MB, stored through MediaStorage.

const folders: string[] = []
afterEach(async () => {
  while (folders.length > 0) await rm(folders.pop() ?? '', { recursive: true, force: true })
})

async function firstProductOf(client: Client): Promise<string> {
  const { items } = (await client.request({ method: 'GET', url: '/api/commerce/products' })).json<{
    items: { id: string }[]
  }>()
  return items[0]?.id ?? ''
}

const upload = (client: Client, productId: string, file: ReturnType<typeof multipartFile>) =>
  client.request({ method: 'POST', url: `/api/commerce/products/${productId}/images`, ...file })

describe('product images', () => {
  it('keeps an uploaded PNG on disk under DATA_DIR/media and serves it publicly with cache headers', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'cuntong-media-'))
    folders.push(dataDir)
    const { app, logIn } = await buildTestApp({
      media: new DiskMediaStorage(path.join(dataDir, 'media')),
    })
    {
      const merchant = await logIn('merchant')
      const productId = await firstProductOf(merchant)
      const png = pngBytes(800, 600, 100)
      const res = await upload(merchant, productId, multipartFile('台蘑.png', png, 'image/png'))
      expect(res.statusCode).toBe(201)
      const image = res.json<{ id: string; url: string; width: number; contentType: string }>()
      expect(image).toMatchObject({
        contentType: 'image/png',
        width: 800,
        height: 600,
        bytes: png.length,
      })
      const onDisk = await readFile(
        path.join(dataDir, 'media', 'products', productId, `${image.id}.png`),
      )
      expect(onDisk.equals(png)).toBe(true)

      const served = await app.inject({ method: 'GET', url: image.url })
      expect(served.statusCode).toBe(200)
      expect(served.headers['content-type']).toBe('image/png')
      expect(served.headers['cache-control']).toContain('immutable')
      expect(served.rawPayload.equals(png)).toBe(true)
      const again = await app.inject({
        method: 'GET',
        url: image.url,
        headers: { 'if-none-match': String(served.headers.etag) },
      })
      expect(again.statusCode).toBe(304)

      const product = (
        await merchant.request({ method: 'GET', url: `/api/commerce/products/${productId}` })
      ).json<{ images: { id: string }[] }>()
      expect(product.images.map((i) => i.id)).toEqual([image.id])

      const removed = await merchant.request({
        method: 'DELETE',
        url: `/api/commerce/products/${productId}/images/${image.id}`,
      })
      expect(removed.statusCode).toBe(204)
      expect((await app.inject({ method: 'GET', url: image.url })).statusCode).toBe(404)
      await expect(
        readFile(path.join(dataDir, 'media', 'products', productId, `${image.id}.png`)),
      ).rejects.toThrow(/ENOENT/)
    }
  })

  it('refuses a file that is not JPEG, PNG or WebP whatever its name says, and one over 5 MB', async () => {
    const { logIn } = await buildTestApp()
    const merchant = await logIn('merchant')
    const productId = await firstProductOf(merchant)
    const fake = await upload(
      merchant,
      productId,
      multipartFile('photo.jpg', Buffer.from('<svg onload="alert(1)"></svg>'), 'image/jpeg'),
    )
    expect(fake.statusCode).toBe(400)
    expect(fake.json()).toMatchObject({
      errors: [{ field: 'file', messageZh: '只支持 JPEG、PNG 或 WebP 图片' }],
    })
    const huge = await upload(
      merchant,
      productId,
      multipartFile('huge.png', pngBytes(4000, 3000, 5 * 1024 * 1024), 'image/png'),
    )
    expect(huge.statusCode).toBe(400)
    expect(huge.json()).toMatchObject({ errors: [{ field: 'file' }] })
    const none = await merchant.request({
      method: 'POST',
      url: `/api/commerce/products/${productId}/images`,
      ...multipartFile('x.png', Buffer.alloc(0)),
      payload: Buffer.from('------cuntong-catalog-test--\r\n'),
    })
    expect(none.statusCode).toBe(400)
    const json = await merchant.request({
      method: 'POST',
      url: `/api/commerce/products/${productId}/images`,
      payload: { file: 'x' },
    })
    expect(json.statusCode).toBe(400)
    expect(json.json()).toMatchObject({ errors: [{ field: 'file' }] })
  })

  it("does not let a merchant add images to another merchant's product", async () => {
    const { logIn } = await buildTestApp()
    const merchant = await logIn('merchant')
    const productId = await firstProductOf(await logIn('merchant2'))
    const res = await upload(merchant, productId, multipartFile('a.png', pngBytes(10, 10)))
    expect(res.statusCode).toBe(404)
  })
})

describe('inspectImage', () => {
  it('reads the type and size of JPEG, PNG and WebP headers', () => {
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0,
      0x02, 0x80, 0x03,
    ])
    expect(inspectImage(jpeg)).toEqual({
      contentType: 'image/jpeg',
      extension: 'jpg',
      width: 640,
      height: 480,
    })
    const webp = Buffer.alloc(30)
    webp.write('RIFF', 0, 'latin1')
    webp.write('WEBPVP8X', 8, 'latin1')
    webp.writeUIntLE(1023, 24, 3)
    webp.writeUIntLE(767, 27, 3)
    expect(inspectImage(webp)).toMatchObject({
      contentType: 'image/webp',
      width: 1024,
      height: 768,
    })
    expect(inspectImage(Buffer.from('GIF89a'))).toBeNull()
  })
})
