// Product images: files, WebP variants, and where they are kept (disk or S3).
export { inspectImage, type ImageInfo, type ImageType } from './image-file.js'
export {
  decodeImage,
  MAX_IMAGE_PIXELS,
  parseVariantWidths,
  pickVariantWidth,
  storageKeysOf,
  VARIANT_WIDTHS,
  variantKeyOf,
  variantWidthsFor,
  type DecodedImage,
  type ImageVariant,
} from './image-variants.js'
export { createMediaStorage, readMediaConfig, type MediaConfig } from './media-config.js'
export { DiskMediaStorage, MemoryMediaStorage, type MediaStorage } from './media-storage.js'
export { S3MediaStorage } from './s3-media-storage.js'
