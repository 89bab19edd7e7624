import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { AliyunSmsProvider, percentEncode, signRpcRequest } from './aliyun-sms.js'
import { SmsSendError } from './sms-provider.js'

const SECRET = 'test-secret'

/** A gateway on 127.0.0.1 that checks the signature the way Aliyun does and answers `reply`. */
async function fakeGateway(
  reply: (params: Record<string, string>) => { status: number; body: string },
) {
  const received: Record<string, string>[] = []
  const server: Server = createServer((request, response) => {
    let raw = ''
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()))
    request.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(raw))
      received.push(params)
      const { Signature: signature, ...signed } = params
      if (signature !== signRpcRequest('POST', signed, SECRET)) {
        response.writeHead(400, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: 'bad signature' }))
        return
      }
      const { status, body } = reply(params)
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received }
}
const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

const provider = (endpoint: string, secret = SECRET) =>
  new AliyunSmsProvider({
    accessKeyId: 'test-id',
    accessKeySecret: secret,
    signName: '五台村通',
    templateCodes: { parcel_arrived: 'SMS_465000001' },
    endpoint,
  })

const message = {
  phone: '13912345678',
  template: 'parcel_arrived',
  params: { waybillNo: 'YZ1', stationName: '佛光村服务站', pickupCode: '123456' },
  signature: '五台村通',
  reference: 'outbox-1',
}

describe('Aliyun SMS adapter (dysmsapi SendSms, RPC signature 1.0)', () => {
  it('signs exactly like the example in Aliyun’s signature documentation', () => {
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    }
    expect(signRpcRequest('GET', params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=')
  })

  it('percent-encodes spaces as %20, keeps ~ and encodes * and Chinese text', () => {
    expect(percentEncode('a b~*')).toBe('a%20b~%2A')
    expect(percentEncode('五台')).toBe('%E4%BA%94%E5%8F%B0')
  })

  it('sends the template code, the signature name and the parameters, and returns the BizId', async () => {
    const gateway = await fakeGateway(() => ({
      status: 200,
      body: JSON.stringify({ Code: 'OK', Message: 'OK', BizId: '900619746936498440^0' }),
    }))
    await expect(provider(gateway.endpoint).send(message)).resolves.toEqual({
      providerMessageId: '900619746936498440^0',
      body: null,
    })
    expect(gateway.received[0]).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      PhoneNumbers: '13912345678',
      SignName: '五台村通',
      TemplateCode: 'SMS_465000001',
      OutId: 'outbox-1',
    })
    expect(JSON.parse(gateway.received[0]?.TemplateParam ?? '')).toEqual(message.params)
  })

  it('is refused by the gateway when signed with the wrong secret', async () => {
    const gateway = await fakeGateway(() => ({ status: 200, body: '{}' }))
    const error = await provider(gateway.endpoint, 'wrong')
      .send(message)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SmsSendError)
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', retryable: false })
  })

  it('tells a bad number (never retried) from flow control and outages (retried later)', async () => {
    const answers = [
      { status: 200, body: JSON.stringify({ Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: 'bad' }) },
      {
        status: 200,
        body: JSON.stringify({ Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: 'limit' }),
      },
      { status: 503, body: '<html>Service Unavailable</html>' },
    ]
    const gateway = await fakeGateway(() => answers.shift() ?? { status: 500, body: '' })
    const outcomes = []
    for (let i = 0; i < 3; i++) {
      const error = (await provider(gateway.endpoint)
        .send(message)
        .catch((e: unknown) => e)) as SmsSendError
      outcomes.push([error.code, error.retryable])
    }
    expect(outcomes).toEqual([
      ['isv.MOBILE_NUMBER_ILLEGAL', false],
      ['isv.BUSINESS_LIMIT_CONTROL', true],
      ['http_503', true],
    ])
  })

  it('treats an unreachable gateway as retryable and an unmapped template as permanent', async () => {
    const gateway = await fakeGateway(() => ({ status: 200, body: '{}' }))
    await new Promise((resolve) => servers.pop()?.close(resolve))
    await expect(provider(gateway.endpoint).send(message)).rejects.toMatchObject({
      code: 'network',
      retryable: true,
    })
    await expect(
      provider(gateway.endpoint).send({ ...message, template: 'unknown' }),
    ).rejects.toMatchObject({ code: 'template_unmapped', retryable: false })
  })
})
