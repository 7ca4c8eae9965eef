import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseRegistration } from '@gmdb/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseRegistrationEntity } from '../entities/case-registration.entity';

/** consent-service's record of which cases exist and who is responsible for them. */
@Injectable()
export class CaseRegistrationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a registration; one already recorded for the case is kept (the facts never change). */
  async record(manager: EntityManager, caseId: string, registration: CaseRegistration, at: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CaseRegistrationEntity)
      .values({ caseId, institutionId: registration.institutionId, clinicians: [...registration.clinicians], registeredAt: at })
      .orIgnore()
      .execute();
  }

  async find(caseId: string, manager?: EntityManager): Promise<CaseRegistration | undefined> {
    const row = await (manager ?? this.dataSource.manager).findOne(CaseRegistrationEntity, { where: { caseId } });
    return row ? { institutionId: row.institutionId, clinicians: row.clinicians } : undefined;
  }
}
