import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';

/** A file upload as read from either encoding, before any check of its content. */
export interface ReceivedUpload {
  bytes: Buffer;
  /** The field path of the bytes, for error issues: `file` (multipart) or `contentBase64` (JSON). */
  path: 'file' | 'contentBase64';
  /** The other fields: strings from a multipart form, JSON values from a JSON body. */
  fields: Record<string, unknown>;
  encoding: 'multipart' | 'json';
}

const RECEIVED = Symbol.for('gmdb.case.receivedUpload');
type WithUpload = Request & { [RECEIVED]?: ReceivedUpload };

export function setReceivedUpload(req: Request, upload: ReceivedUpload): void {
  (req as WithUpload)[RECEIVED] = upload;
}

export function receivedUploadOf(req: Request): ReceivedUpload {
  const upload = (req as WithUpload)[RECEIVED];
  if (!upload) throw new Error('No upload on the request: the route lacks @UseInterceptors(FileUploadInterceptor)');
  return upload;
}

/** The upload read by FileUploadInterceptor. */
export const Upload = createParamDecorator((_data: unknown, context: ExecutionContext): ReceivedUpload =>
  receivedUploadOf(context.switchToHttp().getRequest<Request>()),
);
