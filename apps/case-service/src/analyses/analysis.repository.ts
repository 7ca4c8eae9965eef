import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AnalysisEntity } from './analysis.entity';

/** The analyses table. */
@Injectable()
export class AnalysisRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<AnalysisEntity | null> {
    return manager.getRepository(AnalysisEntity).findOneBy({ id });
  }

  async insert(manager: EntityManager, analysis: AnalysisEntity): Promise<void> {
    await manager.getRepository(AnalysisEntity).insert(analysis);
  }

  async update(manager: EntityManager, id: string, changes: Partial<AnalysisEntity>): Promise<void> {
    await manager.getRepository(AnalysisEntity).update({ id }, changes);
  }
}
