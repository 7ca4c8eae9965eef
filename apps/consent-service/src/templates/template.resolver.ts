import { type ConsentLanguage, type ConsentTemplate, unwrapValid, validateConsentLanguage, validateTemplateVersion } from '@gmdb/domain';
import { AllowAnonymous } from '@gmdb/platform';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { TemplateService } from './template.service';

@Resolver('ConsentTemplate')
export class TemplateResolver {
  constructor(private readonly templates: TemplateService) {}

  @Query('consentTemplates')
  @AllowAnonymous()
  consentTemplates(): Promise<ConsentTemplate[]> {
    return this.templates.list();
  }

  @Query('consentTemplate')
  @AllowAnonymous()
  consentTemplate(@Args('version') version: string, @Args('language') language: string): Promise<ConsentTemplate> {
    const checkedVersion = unwrapValid(validateTemplateVersion(version, 'version'));
    const checkedLanguage: ConsentLanguage = unwrapValid(validateConsentLanguage(language, 'language'));
    return this.templates.get(checkedVersion, checkedLanguage);
  }
}
