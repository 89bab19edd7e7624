import path from 'node:path'
import { DiskMediaStorage, type MediaStorage } from './media-storage.js'
import { S3MediaStorage, type S3Options } from './s3-media-storage.js'

// MEDIA_STORAGE=disk (default: files under DATA_DIR/media) or s3 (an S3-compatible bucket).

export type MediaConfig = { kind: 'disk' } | ({ kind: 's3' } & S3Options)

type Env = Record<string, string | undefined>

const S3_VARIABLES = [
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
] as const

/** Reads the media settings; each problem is added to `problems` (config.ts reports them all). */
export function readMediaConfig(env: Env, problems: string[]): MediaConfig {
  const kind = env.MEDIA_STORAGE ?? 'disk'
  if (kind === 'disk') return { kind }
  if (kind !== 's3') {
    problems.push(`MEDIA_STORAGE must be disk or s3, got "${kind}"`)
    return { kind: 'disk' }
  }
  for (const name of S3_VARIABLES)
    if (!env[name]) problems.push(`${name} must be set when MEDIA_STORAGE=s3`)
  const endpoint = env.S3_ENDPOINT ?? ''
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint))
    problems.push(`S3_ENDPOINT must be an http:// or https:// URL, got "${endpoint}"`)
  if (env.S3_BUCKET && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(env.S3_BUCKET))
    problems.push('S3_BUCKET must be a valid bucket name (3–63 of a-z, 0-9, ".", "-")')
  return {
    kind,
    endpoint,
    bucket: env.S3_BUCKET ?? '',
    region: env.S3_REGION ?? '',
    accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
  }
}

export function createMediaStorage(config: MediaConfig, dataDir: string): MediaStorage {
  return config.kind === 's3'
    ? new S3MediaStorage(config)
    : new DiskMediaStorage(path.join(dataDir, 'media'))
}
