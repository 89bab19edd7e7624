import { createHash, createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { signS3Request } from './aws-signature-v4.js'
import { S3MediaStorage } from './s3-media-storage.js'

// The S3 adapter against a fake S3 on 127.0.0.1 that checks every request's Signature V4 with
// its own implementation, written from the AWS documentation, not from the adapter's.

const CREDENTIALS = {
  accessKeyId: 'AKIDCUNTONGTEST',
  secretAccessKey: 'wutai-secret-key-for-tests',
  region: 'cn-north-1',
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest()

/** Recomputes the request's signature the way S3 does; null when it is missing or wrong. */
function verifySignature(request: IncomingMessage, body: Buffer, secret: string): string | null {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      request.headers.authorization ?? '',
    )
  if (!match) return 'no signature'
  const [, , day = '', region = '', signedHeaders = '', signature = ''] = match
  const payloadHash = String(request.headers['x-amz-content-sha256'])
  if (payloadHash !== sha256(body)) return 'payload hash does not match the body'
  const [pathname = '', query = ''] = (request.url ?? '').split('?')
  const canonical = [
    request.method,
    pathname,
    query,
    signedHeaders
      .split(';')
      .map((name) => `${name}:${String(request.headers[name]).trim()}\n`)
      .join(''),
    signedHeaders,
    payloadHash,
  ].join('\n')
  const amzDate = String(request.headers['x-amz-date'])
  const toSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    `${day}/${region}/s3/aws4_request`,
    sha256(canonical),
  ].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), 's3'), 'aws4_request')
  return hmac(key, toSign).toString('hex') === signature ? null : 'signature does not match'
}

/** A bucket in memory that answers like S3: 403 for a bad signature, 404 for a missing key. */
function fakeS3(
  secret: string,
): Promise<{ server: Server; endpoint: string; objects: Map<string, Buffer> }> {
  const objects = new Map<string, Buffer>()
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      const refusal = verifySignature(request, body, secret)
      if (refusal) {
        response.writeHead(403, { 'content-type': 'application/xml' })
        response.end(
          `<Error><Code>SignatureDoesNotMatch</Code><Message>${refusal}</Message></Error>`,
        )
        return
      }
      const key = decodeURIComponent(request.url ?? '')
      if (request.method === 'PUT') {
        objects.set(key, body)
        response.writeHead(200).end()
      } else if (request.method === 'GET') {
        const object = objects.get(key)
        if (object) response.writeHead(200).end(object)
        else response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>')
      } else if (request.method === 'DELETE') {
        objects.delete(key)
        response.writeHead(204).end()
      } else response.writeHead(405).end()
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        objects,
      }),
    ),
  )
}

const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

describe('S3MediaStorage', () => {
  it('puts, gets and deletes objects with requests the server verifies', async () => {
    const s3 = await fakeS3(CREDENTIALS.secretAccessKey)
    servers.push(s3.server)
    const storage = new S3MediaStorage({
      ...CREDENTIALS,
      endpoint: s3.endpoint,
      bucket: 'cuntong-media',
    })
    const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
    await storage.put('products/p1/i1.png', image, 'image/png')
    expect(s3.objects.get('/cuntong-media/products/p1/i1.png')?.equals(image)).toBe(true)
    expect((await storage.get('products/p1/i1.png'))?.equals(image)).toBe(true)
    expect(await storage.get('products/p1/missing.png')).toBeNull()
    await storage.delete('products/p1/i1.png')
    expect(s3.objects.size).toBe(0)
    await storage.delete('products/p1/i1.png') // gone already: not an error
  })

  it('fails loudly when the server refuses the signature', async () => {
    const s3 = await fakeS3('another-secret')
    servers.push(s3.server)
    const storage = new S3MediaStorage({
      ...CREDENTIALS,
      endpoint: s3.endpoint,
      bucket: 'cuntong-media',
    })
    await expect(storage.put('products/p1/i1.png', Buffer.from('x'), 'image/png')).rejects.toThrow(
      /403.*SignatureDoesNotMatch/,
    )
    expect(s3.objects.size).toBe(0)
  })

  it('refuses keys that could leave the bucket path', async () => {
    const storage = new S3MediaStorage({
      ...CREDENTIALS,
      endpoint: 'http://127.0.0.1:1',
      bucket: 'b',
    })
    await expect(storage.get('../secrets')).rejects.toThrow(/unsafe media key/)
  })
})

describe('signS3Request', () => {
  it('matches the GET Object example of the AWS Signature V4 documentation', () => {
    const headers = signS3Request(
      {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        region: 'us-east-1',
      },
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { range: 'bytes=0-9' },
        payloadSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        now: new Date('2013-05-24T00:00:00Z'),
      },
    )
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    )
  })
})
