import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, LessThanOrEqual } from 'typeorm';
import { ConsentErasureEntity } from '../entities/consent-erasure.entity';

/** Scheduled photo erasures of withdrawn cases. */
@Injectable()
export class ErasureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, entity: ConsentErasureEntity): Promise<void> {
    await manager.insert(ConsentErasureEntity, entity);
  }

  findByConsent(consentId: string, manager?: EntityManager): Promise<ConsentErasureEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(ConsentErasureEntity, { consentId });
  }

  listByCase(caseId: string): Promise<ConsentErasureEntity[]> {
    return this.dataSource.manager.find(ConsentErasureEntity, { where: { caseId }, order: { createdAt: 'ASC' } });
  }

  scheduledForCase(manager: EntityManager, caseId: string): Promise<ConsentErasureEntity[]> {
    return manager.find(ConsentErasureEntity, { where: { caseId, status: 'scheduled' } });
  }

  due(now: Date, limit: number): Promise<ConsentErasureEntity[]> {
    return this.dataSource.manager.find(ConsentErasureEntity, {
      where: { status: 'scheduled', dueAt: LessThanOrEqual(now) },
      order: { dueAt: 'ASC' },
      take: limit,
    });
  }

  /** Moves one erasure from `scheduled` on; false when another process (or a cancel) got there first. */
  async transition(manager: EntityManager, id: string, to: 'queued' | 'cancelled', at: Date): Promise<boolean> {
    const change = to === 'queued' ? { status: to, queuedAt: at } : { status: to, cancelledAt: at };
    const result = await manager.update(ConsentErasureEntity, { id, status: 'scheduled' }, change);
    return (result.affected ?? 0) > 0;
  }
}
