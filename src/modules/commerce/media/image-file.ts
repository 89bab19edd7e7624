// Uploaded images are recognised by their first bytes, never by the name or type the client
// claims, and only JPEG, PNG and WebP are taken.

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp'

export interface ImageInfo {
  contentType: ImageType
  extension: 'jpg' | 'png' | 'webp'
  width: number | null
  height: number | null
}

const startsWith = (data: Buffer, bytes: readonly number[], at = 0): boolean =>
  bytes.every((byte, i) => data[at + i] === byte)

/** The image's type and, when the header tells, its size in pixels; null for anything else. */
export function inspectImage(data: Buffer): ImageInfo | null {
  if (startsWith(data, [0xff, 0xd8, 0xff]))
    return { contentType: 'image/jpeg', extension: 'jpg', ...jpegSize(data) }
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && data.length >= 24)
    return {
      contentType: 'image/png',
      extension: 'png',
      width: data.readUInt32BE(16),
      height: data.readUInt32BE(20),
    }
  if (data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP')
    return { contentType: 'image/webp', extension: 'webp', ...webpSize(data) }
  return null
}

type Size = { width: number | null; height: number | null }
const UNKNOWN: Size = { width: null, height: null }

/** Walks the JPEG markers to the first start-of-frame, which carries the size. */
function jpegSize(data: Buffer): Size {
  let at = 2
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return UNKNOWN
    const marker = data[at + 1] ?? 0
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)
    if (isStartOfFrame)
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) }
    at += 2 + data.readUInt16BE(at + 2)
  }
  return UNKNOWN
}

function webpSize(data: Buffer): Size {
  if (data.length < 30) return UNKNOWN
  const chunk = data.toString('latin1', 12, 16)
  if (chunk === 'VP8X')
    return { width: 1 + data.readUIntLE(24, 3), height: 1 + data.readUIntLE(27, 3) }
  if (chunk === 'VP8 ')
    return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff }
  if (chunk === 'VP8L') {
    const bits = data.readUInt32LE(21)
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) }
  }
  return UNKNOWN
}
