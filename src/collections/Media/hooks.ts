import { fileTypeFromBuffer } from 'file-type'
import { APIError, type CollectionBeforeOperationHook } from 'payload'
import sharp, { type Metadata } from 'sharp'

import { isStaffUser } from '../../access/roles'
import { ALLOWED_MIME_TYPES, imageTooLarge, MAX_UPLOAD_BYTES, nameForType } from './constraints'

const allowed = new Set<string>(ALLOWED_MIME_TYPES)
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} Mo`

/**
 * Judges an upload by its content, not its name: an HTML page renamed .png, an SVG (which can
 * carry scripts), an oversized file or an image too large to decode is refused with a French
 * message before anything is stored; a file kept gets the name and type of what it holds.
 */
export const checkUploadedFile: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  // Those who may not upload get Payload's 403, not a verdict on their file.
  if (!file || !isStaffUser(req.user)) return args
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new APIError(`Fichier trop volumineux (${mb(file.size)}) : ${mb(MAX_UPLOAD_BYTES)} au plus.`, 413, null, true)
  }
  const detected = file.data?.length ? await fileTypeFromBuffer(file.data) : undefined
  if (!detected || !allowed.has(detected.mime)) {
    throw new APIError(
      `Type de fichier refusé${detected ? ` (${detected.mime})` : ''} : « ${file.name} » n’est ni une image ` +
        'JPEG, PNG, WebP, AVIF ou GIF, ni un PDF. Les fichiers SVG et HTML ne sont pas acceptés.',
      415,
      null,
      true,
    )
  }
  if (detected.mime === 'application/pdf' && !looksLikeCompletePdf(file.data)) {
    throw new APIError(`PDF invalide ou incomplet : « ${file.name} » ne peut pas être lu.`, 400, null, true)
  }
  if (detected.mime.startsWith('image/')) {
    // The header only: nothing is decoded yet.
    const { width = 0, height = 0, pages = 1 } = await sharp(file.data).metadata().catch(() => ({}) as Metadata)
    if (!width || !height) throw new APIError(`Image illisible : « ${file.name} » ne peut pas être lue.`, 400, null, true)
    const tooLarge = imageTooLarge(width, height, pages)
    if (tooLarge) throw new APIError(tooLarge, 413, null, true)
  }
  file.name = nameForType(file.name, detected.ext)
  file.mimetype = detected.mime
  return args
}

/** A PDF ends with an xref table (or stream) and %%EOF; a truncated one does not. */
const looksLikeCompletePdf = (data: Buffer) => {
  const tail = data.subarray(Math.max(0, data.length - 1024)).toString('latin1')
  return tail.includes('%%EOF') && tail.includes('xref')
}
