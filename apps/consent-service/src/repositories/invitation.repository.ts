import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { InvitationEntity } from '../entities/invitation.entity';
import { PatientAccountEntity } from '../entities/patient-account.entity';

/** Invitations (by token hash) and the patient accounts their signatures created. */
@Injectable()
export class InvitationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, entity: InvitationEntity): Promise<void> {
    await manager.insert(InvitationEntity, entity);
  }

  findByTokenHash(tokenHash: string, manager?: EntityManager): Promise<InvitationEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(InvitationEntity, { tokenHash });
  }

  listByCase(caseId: string): Promise<InvitationEntity[]> {
    return this.dataSource.manager.find(InvitationEntity, { where: { caseId }, order: { createdAt: 'DESC' } });
  }

  /** Spends the invitation; false when it was already used (a concurrent signing won). */
  async markUsed(manager: EntityManager, id: string, consentId: string, at: Date): Promise<boolean> {
    const result = await manager.update(InvitationEntity, { id, usedAt: IsNull() }, { usedAt: at, consentId });
    return (result.affected ?? 0) > 0;
  }

  async insertPatientAccount(manager: EntityManager, entity: PatientAccountEntity): Promise<void> {
    await manager.insert(PatientAccountEntity, entity);
  }
}
