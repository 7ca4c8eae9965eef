import { DomainError, type ErrorCode } from '@gmdb/domain';
import type { ThreadError } from './encoder-thread.protocol';

export function toThreadError(e: unknown): ThreadError {
  if (e instanceof DomainError) return { name: e.name, message: e.message, code: e.code, details: e.details };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** The error again on this side: a DomainError keeps its code, a RangeError its class. */
export function fromThreadError(e: ThreadError): Error {
  if (e.code !== undefined) return new DomainError(e.code as ErrorCode, e.message, e.details as DomainError['details']);
  if (e.name === 'RangeError') return new RangeError(e.message);
  if (e.name === 'TypeError') return new TypeError(e.message);
  return new Error(e.message);
}
