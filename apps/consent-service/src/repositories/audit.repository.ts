import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ConsentAuditEventEntity } from '../entities/consent-audit-event.entity';

/** The audit trail table. Append and read only: this class has no update or delete on purpose. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(manager: EntityManager | undefined, event: Omit<ConsentAuditEventEntity, 'id'>): Promise<void> {
    await (manager ?? this.dataSource.manager).insert(ConsentAuditEventEntity, event);
  }

  listByCase(caseId: string): Promise<ConsentAuditEventEntity[]> {
    return this.dataSource.manager.find(ConsentAuditEventEntity, { where: { caseId }, order: { id: 'ASC' } });
  }
}
