import { signS3Request, sha256Hex, type S3Credentials } from './aws-signature-v4.js'
import { assertSafeKey, type MediaStorage } from './media-storage.js'

export interface S3Options extends S3Credentials {
  /** e.g. https://s3.cn-north-1.amazonaws.com.cn or http://127.0.0.1:9000 (MinIO); path-style URLs. */
  endpoint: string
  bucket: string
}

/** Product images in an S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS …), SigV4-signed. */
export class S3MediaStorage implements MediaStorage {
  constructor(
    private readonly options: S3Options,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private urlOf(key: string): URL {
    assertSafeKey(key)
    return new URL(`${this.options.endpoint.replace(/\/+$/, '')}/${this.options.bucket}/${key}`)
  }

  private async send(
    method: string,
    key: string,
    body?: Buffer,
    contentType?: string,
  ): Promise<Response> {
    const url = this.urlOf(key)
    const headers = signS3Request(this.options, {
      method,
      url,
      headers: contentType ? { 'content-type': contentType } : {},
      payloadSha256: sha256Hex(body ?? ''),
      now: this.clock(),
    })
    return fetch(url, { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) })
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const response = await this.send('PUT', key, body, contentType)
    if (!response.ok) throw await s3Error('PUT', key, response)
  }

  async get(key: string): Promise<Buffer | null> {
    const response = await this.send('GET', key)
    if (response.status === 404) return null
    if (!response.ok) throw await s3Error('GET', key, response)
    return Buffer.from(await response.arrayBuffer())
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key)
    // S3 answers 204 whether or not the object was there.
    if (!response.ok && response.status !== 404) throw await s3Error('DELETE', key, response)
  }
}

async function s3Error(method: string, key: string, response: Response): Promise<Error> {
  const text = (await response.text()).slice(0, 300)
  return new Error(`S3 ${method} ${key} answered ${response.status}: ${text}`)
}
