import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { transactionWithRetry } from '@gmdb/platform';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { ConsentCaseEntity } from '../entities/consent-case.entity';
import { ConsentSignatureEntity } from '../entities/consent-signature.entity';
import { ConsentVersionEntity } from '../entities/consent-version.entity';

/** The consent of each case: its head row, its versions (insert only) and their signatures. */
@Injectable()
export class ConsentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every consent write: run again when two requests raced on a case consent-service had no
   * record of yet (both lock the missing head, both insert it: MariaDB deadlocks one, or a
   * unique key refuses it); the next run finds the winner's head and decides as usual.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transactionWithRetry(this.dataSource, work);
  }

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The case head; with `lock`, held FOR UPDATE until the transaction ends (MySQL; SQLite serialises). */
  async findCase(caseId: string, manager?: EntityManager, lock = false): Promise<ConsentCaseEntity | null> {
    const query = this.m(manager).getRepository(ConsentCaseEntity).createQueryBuilder('c').where('c.caseId = :caseId', { caseId });
    const type = this.dataSource.options.type;
    if (lock && (type === 'mysql' || type === 'mariadb')) query.setLock('pessimistic_write');
    return query.getOne();
  }

  async insertCase(manager: EntityManager, entity: ConsentCaseEntity): Promise<void> {
    await manager.insert(ConsentCaseEntity, entity);
  }

  async updateCaseHead(manager: EntityManager, caseId: string, head: Pick<ConsentCaseEntity, 'currentConsentId' | 'currentVersion' | 'updatedAt'>): Promise<void> {
    await manager.update(ConsentCaseEntity, { caseId }, head);
  }

  async insertVersion(manager: EntityManager, entity: ConsentVersionEntity): Promise<void> {
    await manager.insert(ConsentVersionEntity, entity);
  }

  async insertSignature(manager: EntityManager, entity: ConsentSignatureEntity): Promise<void> {
    await manager.insert(ConsentSignatureEntity, entity);
  }

  findVersion(id: string, manager?: EntityManager): Promise<ConsentVersionEntity | null> {
    return this.m(manager).findOneBy(ConsentVersionEntity, { id });
  }

  /** The current version of a case (the head's), or null before the first consent. */
  async currentVersion(caseId: string, manager?: EntityManager): Promise<ConsentVersionEntity | null> {
    const head = await this.findCase(caseId, manager);
    return head?.currentConsentId ? this.findVersion(head.currentConsentId, manager) : null;
  }

  /** Every version of a case, oldest first. */
  history(caseId: string, manager?: EntityManager): Promise<ConsentVersionEntity[]> {
    return this.m(manager).find(ConsentVersionEntity, { where: { caseId }, order: { version: 'ASC' } });
  }

  findSignature(consentId: string): Promise<ConsentSignatureEntity | null> {
    return this.dataSource.manager.findOneBy(ConsentSignatureEntity, { consentId });
  }

  /** Versions whose `consent.changed` is not in the outbox yet (written while the event was unrouted). */
  unannounced(limit: number): Promise<ConsentVersionEntity[]> {
    return this.dataSource.manager.find(ConsentVersionEntity, {
      where: { announcedAt: IsNull() },
      order: { createdAt: 'ASC', version: 'ASC' },
      take: limit,
    });
  }

  /** Marks a version announced; false when another process did it first. */
  async markAnnounced(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = await manager.update(ConsentVersionEntity, { id, announcedAt: IsNull() }, { announcedAt: at });
    return (result.affected ?? 0) > 0;
  }
}
