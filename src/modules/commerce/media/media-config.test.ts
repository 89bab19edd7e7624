import { describe, expect, it } from 'vitest'
import { readMediaConfig } from './media-config.js'

describe('media storage configuration', () => {
  it('uses the disk by default and S3 only with every setting', () => {
    const problems: string[] = []
    expect(readMediaConfig({}, problems)).toEqual({ kind: 'disk' })
    expect(
      readMediaConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'Bad_Bucket' }, problems),
    ).toMatchObject({ kind: 's3' })
    expect(problems).toEqual([
      'S3_ENDPOINT must be set when MEDIA_STORAGE=s3',
      'S3_REGION must be set when MEDIA_STORAGE=s3',
      'S3_ACCESS_KEY_ID must be set when MEDIA_STORAGE=s3',
      'S3_SECRET_ACCESS_KEY must be set when MEDIA_STORAGE=s3',
      'S3_BUCKET must be a valid bucket name (3–63 of a-z, 0-9, ".", "-")',
    ])
    const ok: string[] = []
    expect(
      readMediaConfig(
        {
          MEDIA_STORAGE: 's3',
          S3_ENDPOINT: 'http://127.0.0.1:9000',
          S3_BUCKET: 'cuntong-media',
          S3_REGION: 'cn-north-1',
          S3_ACCESS_KEY_ID: 'id',
          S3_SECRET_ACCESS_KEY: 'secret',
        },
        ok,
      ),
    ).toMatchObject({ kind: 's3', bucket: 'cuntong-media' })
    expect(ok).toEqual([])
    readMediaConfig({ MEDIA_STORAGE: 'ftp' }, ok)
    expect(ok).toEqual(['MEDIA_STORAGE must be disk or s3, got "ftp"'])
  })
})
