import { fileTypeFromBuffer } from 'file-type'
import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { isStaffUser } from '../../access/roles'
import { ALLOWED_MIME_TYPES, MAX_UPLOAD_BYTES } from './constraints'

const allowed = new Set<string>(ALLOWED_MIME_TYPES)
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} Mo`

/**
 * Judges an upload by its content, not its name: an HTML page renamed .png, an SVG (which can
 * carry scripts) or an oversized file is refused with a French message before anything is stored.
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
  return args
}

/** A PDF ends with an xref table (or stream) and %%EOF; a truncated one does not. */
const looksLikeCompletePdf = (data: Buffer) => {
  const tail = data.subarray(Math.max(0, data.length - 1024)).toString('latin1')
  return tail.includes('%%EOF') && tail.includes('xref')
}
