import { IssueCode, IssueCollector, ObjectReader, ValidationResult, invalid, stringValue, timestampValue, valid } from '../validation';
import { PAYLOAD_VALIDATORS } from './message-payloads';
import { MessageEnvelope } from './messages';
import { ALL_EVENT_NAMES, ALL_JOB_NAMES, MessageName } from './names';

const ALL_MESSAGE_NAMES: readonly string[] = [...ALL_JOB_NAMES, ...ALL_EVENT_NAMES];
const id = stringValue({ maxLength: 200 });

export function isMessageName(value: unknown): value is MessageName {
  return typeof value === 'string' && ALL_MESSAGE_NAMES.includes(value);
}

/**
 * Checks a message taken off a queue or an outbox row: `{ id, name, payload, correlationId?,
 * occurredAt }` where `payload` matches the member of the `Message` union named by `name`.
 * Returns the typed envelope or every issue (UNKNOWN_MESSAGE for a name no one defined,
 * UNKNOWN_FIELD for extra fields). Consumers treat a failure as permanent: retrying cannot fix it.
 */
export function parseMessageEnvelope(input: unknown): ValidationResult<MessageEnvelope> {
  const issues = new IssueCollector();
  const r = ObjectReader.open(input, '', issues);
  if (!r) return invalid([...issues.issues]);
  const envelopeId = r.required('id', id);
  const occurredAt = r.required('occurredAt', timestampValue);
  const correlationId = r.optional('correlationId', id);
  const name = r.raw('name');
  const rawPayload = r.raw('payload');
  let payload: unknown;
  if (name === undefined || name === null) issues.add('name', IssueCode.REQUIRED, 'Required');
  else if (!isMessageName(name)) issues.add('name', IssueCode.UNKNOWN_MESSAGE, `"${String(name)}" is not a known job or event`);
  else if (rawPayload === undefined || rawPayload === null) issues.add('payload', IssueCode.REQUIRED, 'Required');
  else payload = issues.take(PAYLOAD_VALIDATORS[name](rawPayload, 'payload') as ValidationResult<unknown>);
  r.finish();
  if (!issues.ok || envelopeId === undefined || occurredAt === undefined || !isMessageName(name)) return invalid([...issues.issues]);
  const envelope = { id: envelopeId, name, payload, occurredAt, ...(correlationId !== undefined ? { correlationId } : {}) };
  return valid(envelope as MessageEnvelope);
}
