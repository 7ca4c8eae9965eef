import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { DomainError, ErrorCode, isPlainObject } from '@gmdb/domain';
import { decodeBase64Content } from './base64-content';
import { type ReceivedUpload, setReceivedUpload } from './received-upload';
import { UPLOAD_LIMITS, type UploadLimits } from './upload-limits';

const FILE_FIELD = 'file';
const BASE64_FIELD = 'contentBase64';

function issue(code: ErrorCode, path: string, issueCode: string, message: string): DomainError {
  return new DomainError(code, message, { issues: [{ path, code: issueCode, message }] });
}

/** multer / busboy failures as stable codes with the field they concern. */
function multipartError(error: unknown, maxBytes: number): DomainError {
  if (error instanceof multer.MulterError) {
    const field = error.field ?? FILE_FIELD;
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return issue(ErrorCode.PAYLOAD_TOO_LARGE, FILE_FIELD, 'TOO_LARGE', `The file is larger than ${maxBytes} bytes`);
      case 'LIMIT_UNEXPECTED_FILE':
        return issue(ErrorCode.VALIDATION_FAILED, field, 'UNKNOWN_FIELD', `Send the file in the "${FILE_FIELD}" field, once`);
      case 'LIMIT_FILE_COUNT':
        return issue(ErrorCode.VALIDATION_FAILED, FILE_FIELD, 'TOO_MANY', 'Send exactly one file');
      case 'LIMIT_FIELD_VALUE':
      case 'LIMIT_FIELD_KEY':
        return issue(ErrorCode.VALIDATION_FAILED, field, 'OUT_OF_RANGE', 'A form field is too long');
      default:
        return new DomainError(ErrorCode.BAD_REQUEST, 'The multipart form has too many parts or fields');
    }
  }
  return new DomainError(ErrorCode.BAD_REQUEST, 'The multipart form is malformed');
}

/**
 * Reads a file upload in one of two encodings, after the auth guard ran:
 * - `multipart/form-data` with the bytes in the `file` field and metadata in text fields;
 * - `application/json` with the bytes as base64 in `contentBase64` and metadata beside it
 *   (the JSON is parsed early by the upload JSON parser, with a limit fitting the base64 size).
 * Any other content type answers 415. The result is available through `@Upload()`. List it
 * before IdempotencyInterceptor: a multipart request's identity (req.body) is then its fields
 * plus the SHA-256 of its file.
 */
@Injectable()
export class FileUploadInterceptor implements NestInterceptor {
  private readonly multipart: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(@Inject(UPLOAD_LIMITS) private readonly limits: UploadLimits) {
    this.multipart = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: limits.maxBytes, files: 1, fields: 20, fieldSize: 16 * 1024, fieldNameSize: 100, parts: 22 },
    }).single(FILE_FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    setReceivedUpload(req, await this.read(req, http.getResponse<Response>()));
    return next.handle();
  }

  private async read(req: Request, res: Response): Promise<ReceivedUpload> {
    if (req.is('multipart/form-data')) return this.readMultipart(req, res);
    if (req.is('application/json')) return this.readJson(req);
    throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send multipart/form-data (field "file") or application/json (field "contentBase64")');
  }

  private async readMultipart(req: Request, res: Response): Promise<ReceivedUpload> {
    await new Promise<void>((resolve, reject) =>
      this.multipart(req, res, (error?: unknown) => (error ? reject(multipartError(error, this.limits.maxBytes)) : resolve())),
    );
    const file = req.file;
    if (!file) throw issue(ErrorCode.VALIDATION_FAILED, FILE_FIELD, 'REQUIRED', `The form has no "${FILE_FIELD}" field with a file`);
    // Text fields only; multer puts them on req.body (a null-prototype object).
    const fields: Record<string, unknown> = { ...(req.body as Record<string, unknown> | undefined) };
    // What identifies this request for Idempotency-Key (which hashes req.body): the fields and the file's digest.
    req.body = { ...fields, file: { sha256: createHash('sha256').update(file.buffer).digest('hex'), size: file.size } };
    return { bytes: file.buffer, path: FILE_FIELD, fields, encoding: 'multipart' };
  }

  private readJson(req: Request): ReceivedUpload {
    const body: unknown = req.body;
    if (!isPlainObject(body)) {
      throw DomainError.validation([{ path: '', code: 'INVALID_TYPE', message: 'Expected a JSON object' }]);
    }
    const { [BASE64_FIELD]: content, ...fields } = body;
    const bytes = decodeBase64Content(content, BASE64_FIELD, this.limits.maxBytes);
    return { bytes, path: BASE64_FIELD, fields, encoding: 'json' };
  }
}
