import { Injectable } from '@nestjs/common';
import { type ConsentLanguage, type ConsentTemplate, type ConsentTemplateChoice, DomainError, ErrorCode } from '@gmdb/domain';
import type { ConsentTemplateEntity } from '../entities/consent-template.entity';
import { TemplateRepository } from '../repositories/template.repository';

export function toConsentTemplate(entity: ConsentTemplateEntity): ConsentTemplate {
  return {
    version: entity.version,
    language: entity.language as ConsentLanguage,
    title: entity.title,
    introduction: entity.introduction,
    choices: JSON.parse(entity.choices) as ConsentTemplateChoice[],
    declaration: entity.declaration,
    withdrawal: entity.withdrawal,
    publishedAt: new Date(entity.publishedAt).toISOString(),
  };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The published consent forms. */
@Injectable()
export class TemplateService {
  constructor(private readonly templates: TemplateRepository) {}

  async list(): Promise<ConsentTemplate[]> {
    return (await this.templates.list()).map(toConsentTemplate);
  }

  /** One form; CONSENT_TEMPLATE_NOT_FOUND when that version has no such translation. */
  async get(version: string, language: ConsentLanguage): Promise<ConsentTemplate> {
    const entity = await this.templates.find(version, language);
    if (!entity) {
      throw new DomainError(ErrorCode.CONSENT_TEMPLATE_NOT_FOUND, `Consent form version ${version} is not published in "${language}"`);
    }
    return toConsentTemplate(entity);
  }

  /** The languages a version is published in. */
  async languagesOf(version: string): Promise<ConsentLanguage[]> {
    return (await this.templates.findVersion(version)).map((t) => t.language as ConsentLanguage);
  }

  /** The newest version published in `language`. */
  async latest(language: ConsentLanguage): Promise<ConsentTemplate> {
    const candidates = (await this.templates.list()).filter((t) => t.language === language);
    const newest = candidates.sort((a, b) => compareVersions(b.version, a.version))[0];
    if (!newest) throw new DomainError(ErrorCode.CONSENT_TEMPLATE_NOT_FOUND, `No consent form is published in "${language}"`);
    return toConsentTemplate(newest);
  }
}
