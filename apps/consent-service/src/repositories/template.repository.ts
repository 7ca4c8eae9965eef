import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConsentTemplateEntity } from '../entities/consent-template.entity';

/** Published consent form templates (seeded by migrations, read only at run time). */
@Injectable()
export class TemplateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<ConsentTemplateEntity[]> {
    return this.dataSource.manager.find(ConsentTemplateEntity, { order: { publishedAt: 'ASC', version: 'ASC', language: 'ASC' } });
  }

  find(version: string, language: string): Promise<ConsentTemplateEntity | null> {
    return this.dataSource.manager.findOneBy(ConsentTemplateEntity, { version, language });
  }

  findVersion(version: string): Promise<ConsentTemplateEntity[]> {
    return this.dataSource.manager.find(ConsentTemplateEntity, { where: { version }, order: { language: 'ASC' } });
  }
}
