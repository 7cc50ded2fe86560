#!/usr/bin/env node
// Starts a throwaway S3-compatible store (@20minutes/s3rver 5.0.0) for the tests.
//
//   node tests/services/s3rver.js --directory DIR --port PORT --bucket NAME
//
// Each option may also come from the environment: S3RVER_DIRECTORY, S3RVER_PORT, S3RVER_BUCKET.
// Listens on 127.0.0.1 only, path-style buckets (vhostBuckets: false); credentials are the built-in
// S3RVER / S3RVER pair. The bucket is created through `configureBuckets` because bucket operations
// (create, list) failed s3rver's signature check (listing is mended below; creation still is not).
'use strict'

// s3rver's SigV4 check builds the canonical query string with the global encodeURIComponent, which
// leaves !'()* bare where AWS (RFC 3986) encodes them, so it refuses valid presigned URLs such as
// ones carrying `response-content-disposition=...filename*=UTF-8''...`. Install an RFC 3986 wrapper
// BEFORE requiring the package.
//
// Bucket operations (ListObjectsV2) fail the check because s3rver canonicalises the path `/{bucket}/` as `/{bucket}`
// while AWS clients sign the trailing slash: while such a request is authenticated (tracked with AsyncLocalStorage),
// the wrapper gives the bucket segment its slash back, once.
//
// CopyObject and UploadPartCopy read `x-amz-copy-source` with decodeURI, which keeps `%2F`: left as it is on purpose,
// so that the tests prove the API's copies work on a stock server (it sends the header with plain slashes).
const { AsyncLocalStorage } = require('node:async_hooks')
const bucketRequest = new AsyncLocalStorage()
const originalEncodeURIComponent = globalThis.encodeURIComponent
globalThis.encodeURIComponent = (value) => {
  const encoded = originalEncodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  const pending = bucketRequest.getStore()
  if (pending && pending.slash && value === pending.bucket) {
    pending.slash = false
    return `${encoded}/`
  }
  return encoded
}

// ListObjectsV2 continuation tokens are DES-encrypted, which OpenSSL 3 only offers in its legacy provider: any
// truncated listing fails with 500 on Node 20. Triple DES with the key repeated is the same cipher, in the default provider.
const crypto = require('node:crypto')
for (const name of ['createCipheriv', 'createDecipheriv']) {
  const original = crypto[name]
  crypto[name] = (algorithm, key, iv, options) =>
    algorithm === 'des' ? original('des-ede3-cbc', Buffer.concat([key, key, key]), iv, options) : original(algorithm, key, iv, options)
}

const S3rver = require('@20minutes/s3rver')

function parseArgs(argv) {
  const opts = {
    directory: process.env.S3RVER_DIRECTORY,
    port: process.env.S3RVER_PORT,
    bucket: process.env.S3RVER_BUCKET,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    const next = () => (inline !== undefined ? inline : argv[++i])
    switch (name) {
      case '-d':
      case '--directory':
        opts.directory = next()
        break
      case '-p':
      case '--port':
        opts.port = next()
        break
      case '-b':
      case '--bucket':
        opts.bucket = next()
        break
      default:
        console.error(`s3rver.js: unknown argument ${arg}`)
        process.exit(2)
    }
  }
  const port = Number(opts.port)
  if (!opts.directory || !opts.bucket || !Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error('usage: node s3rver.js --directory DIR --port PORT --bucket NAME')
    process.exit(2)
  }
  return { directory: opts.directory, port, bucket: opts.bucket }
}

const { directory, port, bucket } = parseArgs(process.argv.slice(2))

const server = new S3rver({
  directory,
  address: '127.0.0.1',
  port,
  silent: true,
  vhostBuckets: false,
  configureBuckets: [{ name: bucket }],
})

server.middleware.unshift((ctx, next) =>
  ctx.path === `/${bucket}/` ? bucketRequest.run({ bucket, slash: true }, next) : next(),
)

server.run((err, address) => {
  if (err) {
    console.error(`s3rver.js: failed to start: ${err && err.stack ? err.stack : err}`)
    process.exit(1)
  }
  const where = address && typeof address === 'object' ? `${address.address}:${address.port}` : `127.0.0.1:${port}`
  console.log(`s3rver listening on http://${where} (bucket ${bucket}, directory ${directory})`)
})

let stopping = false
function stop(signal) {
  if (stopping) return
  stopping = true
  const done = () => process.exit(0)
  try {
    server.close(done)
  } catch {
    done()
  }
  setTimeout(done, 2000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
