import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CohortComparisonEntity } from './cohort-comparison.entity';

/** The cohort_comparisons table. */
@Injectable()
export class CohortComparisonRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<CohortComparisonEntity | null> {
    return manager.getRepository(CohortComparisonEntity).findOneBy({ id });
  }

  async insert(manager: EntityManager, comparison: CohortComparisonEntity): Promise<void> {
    await manager.getRepository(CohortComparisonEntity).insert(comparison);
  }
}
