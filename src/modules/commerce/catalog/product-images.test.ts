import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { type Client } from '../../../test/test-app.js'
import { DiskMediaStorage, MemoryMediaStorage } from '../media/index.js'
import { multipartFile, pngBytes } from './test-support.js'
import { inspectImage } from '../media/index.js'
import { pickVariantWidth, variantWidthsFor } from '../media/index.js'
import { catalogApp } from '../../../test/fixtures.js'

// Product photos: JPEG, PNG or WebP by their bytes, at most 5 MB and 40 megapixels, stored
// through MediaStorage with WebP widths for the screen.

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

/** A real, decodable picture (a gradient, so the encoders have something to do). */
const picture = (width: number, height: number) => sharp(Buffer.from(gradientSvg(width, height)))
const gradientSvg = (width: number, height: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#8b1a1a"/><stop offset="1" stop-color="#efe6d8"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`

interface UploadedImage {
  id: string
  url: string
  width: number
  height: number
  srcset: string
}

describe('product images', () => {
  it('keeps an uploaded PNG on disk under DATA_DIR/media and serves it publicly with cache headers', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'cuntong-media-'))
    folders.push(dataDir)
    const { app, logIn } = await catalogApp({
      media: new DiskMediaStorage(path.join(dataDir, 'media')),
    })
    {
      const merchant = await logIn('merchant')
      const productId = await firstProductOf(merchant)
      const png = await picture(800, 600).png().toBuffer()
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
    const { logIn } = await catalogApp()
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
    const { logIn } = await catalogApp()
    const merchant = await logIn('merchant')
    const productId = await firstProductOf(await logIn('merchant2'))
    const png = await picture(10, 10).png().toBuffer()
    const res = await upload(merchant, productId, multipartFile('a.png', png, 'image/png'))
    expect(res.statusCode).toBe(404)
  })
  it('keeps a phone photo upright with WebP widths for the screen and serves the one asked for', async () => {
    const media = new MemoryMediaStorage()
    const { app, logIn } = await catalogApp({ media })
    const merchant = await logIn('merchant')
    const productId = await firstProductOf(merchant)
    // A 2000 × 1500 sensor image the camera marks "rotate 90° clockwise" (EXIF orientation 6).
    const jpeg = await picture(2000, 1500).jpeg().withMetadata({ orientation: 6 }).toBuffer()
    const res = await upload(merchant, productId, multipartFile('台蘑.jpg', jpeg))
    expect(res.statusCode).toBe(201)
    const image = res.json<UploadedImage>()
    expect(image).toMatchObject({ width: 1500, height: 2000, contentType: 'image/jpeg' })
    expect(image.srcset).toBe(
      [240, 480, 960, 1440].map((w) => `${image.url}?w=${w} ${w}w`).join(', '),
    )

    const medium = await app.inject({ method: 'GET', url: `${image.url}?w=480` })
    expect(medium.statusCode).toBe(200)
    expect(medium.headers['content-type']).toBe('image/webp')
    expect(medium.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const mediumMeta = await sharp(medium.rawPayload).metadata()
    expect(mediumMeta).toMatchObject({ format: 'webp', width: 480, height: 640 })
    expect(mediumMeta.exif).toBeUndefined()
    // Any width is answered with the nearest stored one at or above it, else the widest.
    const nearest = await app.inject({ method: 'GET', url: `${image.url}?w=500` })
    expect((await sharp(nearest.rawPayload).metadata()).width).toBe(960)
    const widest = await app.inject({ method: 'GET', url: `${image.url}?w=4000` })
    expect((await sharp(widest.rawPayload).metadata()).width).toBe(1440)
    const etag = String(medium.headers.etag)
    expect(etag).not.toBe(String(nearest.headers.etag))
    const again = await app.inject({
      method: 'GET',
      url: `${image.url}?w=480`,
      headers: { 'if-none-match': etag },
    })
    expect(again.statusCode).toBe(304)
    expect((await app.inject({ method: 'GET', url: `${image.url}?w=wide` })).statusCode).toBe(400)

    const original = await app.inject({ method: 'GET', url: image.url })
    expect(original.headers['content-type']).toBe('image/jpeg')
    expect(original.rawPayload.equals(jpeg)).toBe(true)

    // Deleting the image deletes every width with it.
    await merchant.request({
      method: 'DELETE',
      url: `/api/commerce/products/${productId}/images/${image.id}`,
    })
    for (const w of [240, 480, 960, 1440])
      expect(await media.get(`products/${productId}/${image.id}.w${w}.webp`)).toBeNull()
  })

  it('never enlarges a small image: its own width is the widest it is served at', async () => {
    const { app, logIn } = await catalogApp()
    const merchant = await logIn('merchant')
    const productId = await firstProductOf(merchant)
    const png = await picture(300, 200).png().toBuffer()
    const image = (
      await upload(merchant, productId, multipartFile('small.png', png, 'image/png'))
    ).json<UploadedImage>()
    expect(image).toMatchObject({ width: 300, height: 200 })
    expect(image.srcset).toBe(`${image.url}?w=240 240w, ${image.url}?w=300 300w`)
    const served = await app.inject({ method: 'GET', url: `${image.url}?w=960` })
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({
      format: 'webp',
      width: 300,
      height: 200,
    })
  })

  it('serves an image uploaded before widths existed as it was, whatever width is asked for', async () => {
    const { app, db, logIn } = await catalogApp()
    const merchant = await logIn('merchant')
    const productId = await firstProductOf(merchant)
    const png = await picture(800, 600).png().toBuffer()
    const image = (
      await upload(merchant, productId, multipartFile('old.png', png, 'image/png'))
    ).json<UploadedImage>()
    await db
      .updateTable('product_image')
      .set({ variant_widths: null })
      .where('id', '=', image.id)
      .execute()
    const served = await app.inject({ method: 'GET', url: `${image.url}?w=480` })
    expect(served.headers['content-type']).toBe('image/png')
    expect(served.rawPayload.equals(png)).toBe(true)
    const product = (
      await merchant.request({ method: 'GET', url: `/api/commerce/products/${productId}` })
    ).json<{ images: UploadedImage[] }>()
    expect(product.images[0]).toMatchObject({ id: image.id, srcset: '', width: 800 })
  })

  it('refuses a damaged file that only starts like a JPEG, naming the field', async () => {
    const { logIn } = await catalogApp()
    const merchant = await logIn('merchant')
    const productId = await firstProductOf(merchant)
    const jpeg = await picture(640, 480).jpeg().toBuffer()
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]),
      jpeg.subarray(0, jpeg.length / 2),
    ]) {
      const res = await upload(merchant, productId, multipartFile('broken.jpg', bytes))
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({
        errors: [{ field: 'file', messageZh: '图片无法识别（文件损坏或不完整）' }],
      })
    }
    const product = (
      await merchant.request({ method: 'GET', url: `/api/commerce/products/${productId}` })
    ).json<{ images: unknown[] }>()
    expect(product.images).toEqual([])
  })

  it('refuses an image of more than 40 megapixels before decoding it', async () => {
    const { logIn } = await catalogApp()
    const merchant = await logIn('merchant')
    const productId = await firstProductOf(merchant)
    // 8000 × 6000 of one colour compresses to a few kilobytes: a small file, a huge bitmap.
    const bomb = await sharp({
      create: { width: 8000, height: 6000, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer()
    const res = await upload(merchant, productId, multipartFile('bomb.png', bomb, 'image/png'))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ errors: [{ field: 'file' }] })
    expect(JSON.stringify(res.json())).toContain('百万像素')
  })

  it('lists the widths in the shop: srcset and size on the product page and the search results', async () => {
    const { app, logIn } = await catalogApp()
    const merchant = await logIn('merchant')
    const { items } = (
      await merchant.request({ method: 'GET', url: '/api/commerce/products?status=on_sale' })
    ).json<{ items: { id: string; title: string }[] }>()
    const product = items[0]
    if (!product) throw new Error('the demo merchant has no product on sale')
    const jpeg = await picture(1200, 900).jpeg().toBuffer()
    const image = (
      await upload(merchant, product.id, multipartFile('a.jpg', jpeg))
    ).json<UploadedImage>()
    const srcset = [240, 480, 960, 1200].map((w) => `${image.url}?w=${w} ${w}w`).join(', ')

    const page = await app.inject({
      method: 'GET',
      url: `/api/commerce/shop/products/${product.id}`,
    })
    expect(page.json<{ images: unknown[] }>().images).toEqual([
      expect.objectContaining({ id: image.id, url: image.url, width: 1200, height: 900, srcset }),
    ])
    const search = await app.inject({
      method: 'GET',
      url: `/api/commerce/shop/products?q=${encodeURIComponent(product.title)}`,
    })
    const card = search.json<{ items: { id: string }[] }>().items.find((i) => i.id === product.id)
    expect(card).toMatchObject({
      imageUrl: image.url,
      imageWidth: 1200,
      imageHeight: 900,
      imageSrcset: srcset,
    })
  })
})

describe('image widths', () => {
  it('offers the steps narrower than the original and the original width, at most 1440', () => {
    expect(variantWidthsFor(2000)).toEqual([240, 480, 960, 1440])
    expect(variantWidthsFor(960)).toEqual([240, 480, 960])
    expect(variantWidthsFor(300)).toEqual([240, 300])
    expect(variantWidthsFor(100)).toEqual([100])
  })

  it('serves the narrowest width at or above the one asked for, else the widest', () => {
    expect(pickVariantWidth([240, 480, 960], 480)).toBe(480)
    expect(pickVariantWidth([240, 480, 960], 481)).toBe(960)
    expect(pickVariantWidth([240, 480, 960], 1)).toBe(240)
    expect(pickVariantWidth([240, 300], 2000)).toBe(300)
    expect(pickVariantWidth([], 480)).toBeUndefined()
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
