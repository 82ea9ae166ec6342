import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, sha256Hex, signRequest } from '../../src/sigv4.ts';

// Expected values are AWS's, not ours: the Signature Version 4 test suite
// (aws-sig-v4-test-suite, as shipped with the AWS SDK for JavaScript's signer tests) and the
// worked examples in the Amazon S3 API reference, "Signature Calculations for the Authorization
// Header: Transferring Payload in a Single Chunk".

interface SuiteVector {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  signature: string;
}

describe('AWS SigV4 test suite (service "service", 20150830T123600Z)', () => {
  const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
  const scope = { region: 'us-east-1', service: 'service' };
  const at = new Date('2015-08-30T12:36:00Z');
  const host = 'https://example.amazonaws.com';

  it('get-vanilla yields the published Authorization header', () => {
    const signed = signRequest(
      { method: 'GET', url: new URL(`${host}/`), payloadHash: EMPTY_SHA256 },
      credentials,
      scope,
      at,
    );
    expect(signed.headers['x-amz-date']).toBe('20150830T123600Z');
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
        'SignedHeaders=host;x-amz-date, ' +
        'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it.each<SuiteVector>([
    {
      name: 'post-vanilla',
      method: 'POST',
      path: '/',
      signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
    },
    {
      name: 'get-vanilla-query-order-key-case',
      method: 'GET',
      path: '/?Param2=value2&Param1=value1',
      signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    },
    {
      name: 'get-unreserved',
      method: 'GET',
      path: '/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
      signature: '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f',
    },
    {
      name: 'post-header-key-sort',
      method: 'POST',
      path: '/',
      headers: { 'My-Header1': 'value1' },
      signature: 'c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c',
    },
    {
      name: 'post-header-value-case',
      method: 'POST',
      path: '/',
      headers: { 'My-Header1': 'VALUE1' },
      signature: 'cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d',
    },
    {
      name: 'get-header-value-trim',
      method: 'GET',
      path: '/',
      headers: { 'My-Header1': 'value1', 'My-Header2': '"a   b   c"' },
      signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
    },
    {
      name: 'post-x-www-form-urlencoded',
      method: 'POST',
      path: '/',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'Param1=value1',
      signature: 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
    },
  ])('$name', ({ method, path, headers, body, signature }) => {
    const payloadHash = body === undefined ? EMPTY_SHA256 : sha256Hex(body);
    const signed = signRequest(
      { method, url: new URL(`${host}${path}`), headers, payloadHash },
      credentials,
      scope,
      at,
    );
    expect(signed.signature).toBe(signature);
  });
});

describe('Amazon S3 API reference examples (examplebucket, 20130524T000000Z)', () => {
  const credentials = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  };
  const scope = { region: 'us-east-1', service: 's3' };
  const at = new Date('2013-05-24T00:00:00Z');
  const host = 'https://examplebucket.s3.amazonaws.com';

  it('GET Object with a Range header', () => {
    const signed = signRequest(
      {
        method: 'GET',
        url: new URL(`${host}/test.txt`),
        headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256 },
        payloadHash: EMPTY_SHA256,
      },
      credentials,
      scope,
      at,
    );
    expect(signed.headers.authorization).toContain(
      'Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ',
    );
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('PUT Object: a signed body and a key whose "$" must be encoded once', () => {
    const payloadHash = sha256Hex('Welcome to Amazon S3.');
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const signed = signRequest(
      {
        method: 'PUT',
        url: new URL(`${host}/test$file.text`),
        headers: {
          Date: 'Fri, 24 May 2013 00:00:00 GMT',
          'x-amz-storage-class': 'REDUCED_REDUNDANCY',
          'x-amz-content-sha256': payloadHash,
        },
        payloadHash,
      },
      credentials,
      scope,
      at,
    );
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it.each([
    {
      name: 'GET Bucket Lifecycle (a query key without value)',
      query: 'lifecycle',
      signature: 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
    },
    {
      name: 'GET Bucket (List Objects), query sorted',
      query: 'prefix=J&max-keys=2',
      signature: '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    },
  ])('$name', ({ query, signature }) => {
    const signed = signRequest(
      {
        method: 'GET',
        url: new URL(`${host}/?${query}`),
        headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
        payloadHash: EMPTY_SHA256,
      },
      credentials,
      scope,
      at,
    );
    expect(signed.signature).toBe(signature);
  });

  it('a different secret gives a different signature, and the secret never appears in the headers', () => {
    const request = { method: 'GET', url: new URL(`${host}/test.txt`), payloadHash: EMPTY_SHA256 };
    const right = signRequest(request, credentials, scope, at);
    const wrong = signRequest(request, { ...credentials, secretAccessKey: 'not-the-secret' }, scope, at);
    expect(wrong.signature).not.toBe(right.signature);
    expect(JSON.stringify(right.headers)).not.toContain(credentials.secretAccessKey);
  });
});
