/**
 * The largest request body the server takes, checked before the body is read (scripts/server.ts):
 * a declared length over the limit is refused at once; a body sent without a length (chunked) is
 * counted as it arrives and cut off at the limit. Nothing over the limit is ever held in memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { MAX_UPLOAD_BYTES } from '../../collections/Media/constraints'

import { STATUS_CODES } from './errors'

const MiB = 1024 * 1024

export const BODY_LIMITS = {
  /** A file sent to the media library: the file and the fields around it. */
  upload: MAX_UPLOAD_BYTES + MiB,
  /** Anything else: a document's JSON (long rich text included), a comment, a server action. */
  other: 4 * MiB,
}

/** Where files are uploaded: the media collection, and its documents. */
const UPLOAD_PATH = /^\/api\/media(?:\/[^/?]*)?(?:\?|$)/

export const bodyLimitFor = (url: string | undefined): number =>
  UPLOAD_PATH.test(url ?? '') ? BODY_LIMITS.upload : BODY_LIMITS.other

const inMiB = (bytes: number) => `${Math.floor(bytes / MiB)} Mo`

export const tooLargeMessage = (limit: number) =>
  `Requête trop volumineuse : ${inMiB(limit)} au plus (${inMiB(BODY_LIMITS.upload)} pour un fichier envoyé à la médiathèque).`

/** Answers, then closes the connection: the rest of the body is not read. */
function refuse(req: IncomingMessage, res: ServerResponse, status: 400 | 413, message: string) {
  // The request ends in error: whoever was reading it stops waiting.
  const close = () => req.destroy(new Error(message))
  if (res.headersSent) return close()
  const body = JSON.stringify({ errors: [{ message, code: STATUS_CODES[status] }] })
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' })
  res.end(body, close)
}

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown

export function withBodyLimit(handler: Handler, limitFor: (url: string | undefined) => number = bodyLimitFor): Handler {
  return (req, res) => {
    const limit = limitFor(req.url)
    const declared = req.headers['content-length']
    if (declared !== undefined) {
      const length = Number(declared)
      if (!/^\d+$/.test(declared) || !Number.isSafeInteger(length)) return refuse(req, res, 400, 'En-tête Content-Length invalide.')
      if (length > limit) return refuse(req, res, 413, tooLargeMessage(limit))
      return handler(req, res)
    }
    if (req.headers['transfer-encoding']) countChunks(req, res, limit)
    return handler(req, res)
  }
}

/**
 * A body without a declared length: its chunks are counted as the HTTP parser hands them to the
 * request stream (before anyone reads them), and the request is cut off past the limit.
 */
function countChunks(req: IncomingMessage, res: ServerResponse, limit: number) {
  const push = req.push.bind(req)
  let received = 0
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk && typeof chunk !== 'string' && 'length' in (chunk as Buffer)) received += (chunk as Buffer).length
    if (received <= limit) return push(chunk, encoding)
    req.push = () => false
    refuse(req, res, 413, tooLargeMessage(limit))
    return false
  }
}
