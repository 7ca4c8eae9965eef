import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DocumentEntity } from './document.entity';

/** The case_documents table. */
@Injectable()
export class DocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<DocumentEntity | null> {
    return this.dataSource.getRepository(DocumentEntity).findOneBy({ id });
  }

  listByCase(caseId: string): Promise<DocumentEntity[]> {
    return this.dataSource.getRepository(DocumentEntity).find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insert(document: DocumentEntity, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(DocumentEntity).insert(document);
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.getRepository(DocumentEntity).delete({ id });
  }
}
