import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../../http/errors.ts';
import { cleanFileName } from '../../../http/file-names.ts';
import { malformed } from '../../../http/uploads.ts';
import { checkUploadContent } from '../../catalog/media/media-types.ts';

/** What a buyer may send as proof: a screenshot or photo of the receipt, or the bank's PDF. */
const PROOF_FORMATS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
const REFUSED = 'Upload the proof as a JPEG, PNG or WebP image or a PDF.';

/** The form of a proof: its text fields and its one file. */
export interface ProofForm {
  fields: Record<string, string>;
  file: { fileName: string; data: Buffer } | null;
}

/**
 * A proof's multipart body, read only when the service asks (after it has checked who may send one),
 * with the file held in memory up to `maxBytes` (proofs are small: 10 MB by default).
 */
export interface ProofSource {
  read(maxBytes: number): Promise<ProofForm>;
}

const tooLarge = (maxBytes: number) =>
  new AppError('payload_too_large', 413, `The proof may be at most ${Math.round(maxBytes / 1_048_576)} MB`, {
    maxBytes,
  });

/** Room for the multipart framing and the text fields around the file. */
const FRAMING_BYTES = 64 * 1024;

export function proofSource(req: FastifyRequest): ProofSource {
  return {
    async read(maxBytes) {
      if (!req.isMultipart()) throw badRequest('validation_failed', 'Send the proof as multipart/form-data');
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes + FRAMING_BYTES) throw tooLarge(maxBytes);
      const form: ProofForm = { fields: {}, file: null };
      await readParts(req, maxBytes, form).catch(malformed);
      return form;
    },
  };
}

async function readParts(req: FastifyRequest, maxBytes: number, form: ProofForm): Promise<void> {
  const parts = req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 2000 } });
  for await (const part of parts) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') form.fields[part.fieldname] = part.value;
      continue;
    }
    if (part.fieldname !== 'file') {
      part.file.resume();
      continue;
    }
    const data = await part.toBuffer().catch((err: { code?: string }) => {
      if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
      throw err;
    });
    form.file = { fileName: cleanFileName(part.filename, 'proof'), data };
  }
}

/**
 * What the proof's bytes are (magic numbers, through the catalog's `checkUploadContent`), never its name
 * or declared type: anything but JPEG, PNG, WebP or PDF is refused with 400 `invalid_file_type`, so an
 * HTML page renamed `receipt.png` never reaches an admin's browser.
 */
export async function checkProofContent(file: { fileName: string; data: Buffer }) {
  const refuse = () => badRequest('invalid_file_type', REFUSED, { kind: 'proof' });
  async function* once() {
    yield file.data;
  }
  let mime: string;
  try {
    mime = (await checkUploadContent('resource', file.fileName, once())).mime;
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid_file_type') throw refuse();
    throw err;
  }
  const ext = PROOF_FORMATS[mime];
  if (!ext) throw refuse();
  return { mime, ext };
}
