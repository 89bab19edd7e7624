import sharp from 'sharp'
import { invalidField } from '../../../shared/errors.js'

// Phones on a slow network get product photos sized for their screen: every upload is decoded
// once and kept as WebP at a few widths beside the original, and the image route serves the
// width the browser asks for (srcset).

/** The widths (px) the H5 shop's srcset offers: a list thumbnail up to a 3× phone screen. */
export const VARIANT_WIDTHS = [240, 480, 960, 1440] as const
/** Bigger than any phone photo (a 48 MP camera bins to 12 MP); refuses decompression bombs. */
export const MAX_IMAGE_PIXELS = 40_000_000
const WEBP_QUALITY = 80

export interface ImageVariant {
  width: number
  body: Buffer
}

/** An upload decoded and resized: its upright size and its WebP widths, narrowest first. */
export interface DecodedImage {
  width: number
  height: number
  variants: ImageVariant[]
}

/**
 * The widths an image `originalWidth` px wide is kept at: every step narrower than it, and its
 * own width (at most the widest step), so nothing is ever upscaled.
 */
export function variantWidthsFor(originalWidth: number): number[] {
  const widest = Math.min(originalWidth, Math.max(...VARIANT_WIDTHS))
  return [...VARIANT_WIDTHS.filter((width) => width < widest), widest]
}

/** The stored width to serve for a request of `wanted` px: the narrowest at or above it, else the widest. */
export function pickVariantWidth(widths: readonly number[], wanted: number): number | undefined {
  const sorted = [...widths].sort((a, b) => a - b)
  return sorted.find((width) => width >= wanted) ?? sorted.at(-1)
}

/** `products/p/i.jpg` → `products/p/i.w480.webp`. */
export const variantKeyOf = (originalKey: string, width: number): string =>
  `${originalKey.replace(/\.[a-z]+$/i, '')}.w${width}.webp`

export const parseVariantWidths = (stored: string | null): number[] =>
  stored === null ? [] : (JSON.parse(stored) as number[])

/** Every object an image row owns in MediaStorage: the original and its variants. */
export const storageKeysOf = (row: { storage_key: string; variant_widths: string | null }) => [
  row.storage_key,
  ...parseVariantWidths(row.variant_widths).map((width) => variantKeyOf(row.storage_key, width)),
]

const FILE_UNREADABLE = {
  en: 'could not be read as an image (damaged or incomplete file)',
  zh: '图片无法识别（文件损坏或不完整）',
}

/**
 * Decodes the upload (EXIF orientation applied, metadata dropped) and encodes its WebP widths.
 * Throws a 400 naming `file` for bytes that do not decode or an image over MAX_IMAGE_PIXELS.
 */
export async function decodeImage(data: Buffer): Promise<DecodedImage> {
  const { width, height } = await uprightSizeOf(data)
  if (width * height > MAX_IMAGE_PIXELS)
    throw invalidField('file', {
      en: `is too large: at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels (this one is ${width} × ${height})`,
      zh: `图片像素过大：最多 ${MAX_IMAGE_PIXELS / 1_000_000} 百万像素（此图 ${width} × ${height}）`,
    })
  try {
    const variants = await Promise.all(
      variantWidthsFor(width).map(async (variantWidth) => ({
        width: variantWidth,
        // failOn 'error' rather than sharp's 'warning': a phone JPEG with a harmless warning
        // goes, a truncated or corrupt one does not. Output carries no EXIF (GPS) unless asked.
        body: await sharp(data, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS })
          .rotate()
          .resize({ width: variantWidth, withoutEnlargement: true })
          .webp({ quality: WEBP_QUALITY })
          .toBuffer(),
      })),
    )
    return { width, height, variants }
  } catch {
    throw invalidField('file', FILE_UNREADABLE)
  }
}

/** The header's size with EXIF orientation applied (a portrait photo stored sideways is tall). */
async function uprightSizeOf(data: Buffer): Promise<{ width: number; height: number }> {
  try {
    return (await sharp(data, { limitInputPixels: false }).metadata()).autoOrient
  } catch {
    throw invalidField('file', FILE_UNREADABLE)
  }
}
