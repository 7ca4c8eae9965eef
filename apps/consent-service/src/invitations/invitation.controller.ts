import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { type ConsentLanguage, type SignConsentInput, unwrapValid, validateConsentLanguage, validateSignConsentInput } from '@gmdb/domain';
import { Public, validateWith } from '@gmdb/platform';
import type { Request } from 'express';
import { originOf } from '../audit/audit-actor';
import { toConsentView } from '../consents/models/consent.view';
import { InvitationService } from './invitation.service';

/**
 * The signing flow for the patient or guardian, who holds only the link: read the form in their
 * language, then sign. Public routes: the token is the credential.
 */
@Controller('api/v1/invitations')
export class InvitationController {
  constructor(private readonly invitations: InvitationService) {}

  @Get(':token')
  @Public()
  async open(@Param('token') token: string, @Query('language') language: string | undefined, @Req() req: Request) {
    const chosen: ConsentLanguage | undefined = language === undefined ? undefined : unwrapValid(validateConsentLanguage(language, 'language'));
    const opened = await this.invitations.open(token, chosen, originOf(req));
    return {
      invitation: {
        language: opened.invitation.language,
        templateVersion: opened.invitation.templateVersion,
        expiresAt: new Date(opened.invitation.expiresAt).toISOString(),
      },
      languages: opened.languages,
      template: opened.template,
    };
  }

  @Post(':token/sign')
  @Public()
  @HttpCode(201)
  async sign(@Param('token') token: string, @Body(validateWith(validateSignConsentInput)) input: SignConsentInput, @Req() req: Request) {
    const { consent, account } = await this.invitations.sign(token, input, originOf(req));
    return {
      consent: toConsentView(consent),
      account: {
        subject: account.subject,
        caseIds: [consent.caseId],
        tokenType: 'Bearer',
        token: account.token,
        expiresAt: account.expiresAt,
        provisioning: account.token ? 'jwt' : 'identity-provider',
      },
    };
  }
}
