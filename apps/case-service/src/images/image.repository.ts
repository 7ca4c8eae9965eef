import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ImageEntity } from './image.entity';

/** The case_images table. */
@Injectable()
export class ImageRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ImageEntity | null> {
    return manager.getRepository(ImageEntity).findOneBy({ id });
  }

  findByCaseAndSha256(caseId: string, sha256: string): Promise<ImageEntity | null> {
    return this.dataSource.getRepository(ImageEntity).findOneBy({ caseId, sha256 });
  }

  /** A case's photos, oldest first. */
  listByCase(caseId: string): Promise<ImageEntity[]> {
    return this.dataSource.getRepository(ImageEntity).find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insert(manager: EntityManager, image: ImageEntity): Promise<void> {
    await manager.getRepository(ImageEntity).insert(image);
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const result = await manager.getRepository(ImageEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  async save(manager: EntityManager, image: ImageEntity): Promise<void> {
    await manager.getRepository(ImageEntity).save(image);
  }
}
