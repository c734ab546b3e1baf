import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from './errors.ts';

/**
 * The bytes of the one file sent as multipart/form-data in field `file`, or a clear 400/413. What the
 * bytes are is checked by the service that stores them (by content, never by name or declared type).
 */
export async function readUploadedFile(req: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!req.isMultipart())
    throw badRequest('validation_failed', 'Send the file as multipart/form-data in field "file"');
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (file?.fieldname !== 'file') throw badRequest('validation_failed', 'Send the file in field "file"');
  return file.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        'payload_too_large',
        413,
        `The file is larger than ${Math.round(maxBytes / 1_048_576)} MB`,
      );
    }
    throw err;
  });
}
