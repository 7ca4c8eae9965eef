import { CreateMessagingTables1764201600000 } from './messaging-tables.migration';
import { OutboxMessageEntity } from './outbox-message.entity';
import { ProcessedMessageEntity } from './processed-message.entity';

/** Add to every service's DatabaseModule entities. */
export const MESSAGING_ENTITIES = [OutboxMessageEntity, ProcessedMessageEntity];

/** Add to every service's migrations, before its own (order is by timestamp anyway). */
export const MESSAGING_MIGRATIONS = [CreateMessagingTables1764201600000];
