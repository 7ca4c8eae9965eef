import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  type ChangeConsentInput,
  type Principal,
  type WithdrawConsentInput,
  validateCaseId,
  validateChangeConsentInput,
  validateWithdrawConsentInput,
} from '@gmdb/domain';
import { CurrentPrincipal, validateWith } from '@gmdb/platform';
import type { Request } from 'express';
import { originOf } from '../audit/audit-actor';
import { ErasureRepository } from '../repositories/erasure.repository';
import { ConsentService } from './consent.service';
import { type ConsentView, toConsentView } from './models/consent.view';

const caseIdParam = validateWith((v) => validateCaseId(v, 'caseId'));

/** The patient's self-service (and the clinician's reads) over REST. */
@Controller('api/v1')
export class ConsentController {
  constructor(
    private readonly consents: ConsentService,
    private readonly erasures: ErasureRepository,
  ) {}

  @Get('cases/:caseId/consent')
  async current(@CurrentPrincipal() principal: Principal, @Param('caseId', caseIdParam) caseId: string): Promise<{ consent: ConsentView | null }> {
    const current = await this.consents.current(principal, caseId);
    return { consent: current ? toConsentView(current) : null };
  }

  @Get('cases/:caseId/consents')
  async history(@CurrentPrincipal() principal: Principal, @Param('caseId', caseIdParam) caseId: string): Promise<{ versions: ConsentView[] }> {
    return { versions: (await this.consents.history(principal, caseId)).map(toConsentView) };
  }

  @Get('consents/:consentId')
  async byId(@CurrentPrincipal() principal: Principal, @Param('consentId') consentId: string): Promise<ConsentView> {
    return toConsentView(await this.consents.byId(principal, consentId));
  }

  @Post('consents/:caseId/change')
  @HttpCode(201)
  async change(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId', caseIdParam) caseId: string,
    @Body(validateWith(validateChangeConsentInput)) input: ChangeConsentInput,
    @Req() req: Request,
  ): Promise<{ consent: ConsentView }> {
    return { consent: toConsentView(await this.consents.change(principal, caseId, input, originOf(req))) };
  }

  @Post('consents/:caseId/withdraw')
  @HttpCode(200)
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId', caseIdParam) caseId: string,
    @Body(validateWith(validateWithdrawConsentInput)) input: WithdrawConsentInput,
    @Req() req: Request,
  ) {
    const outcome = await this.consents.withdraw(principal, caseId, input, originOf(req));
    const erasure = await this.erasures.findByConsent(outcome.consent.id);
    return {
      consent: toConsentView(outcome.consent),
      withdrawnNow: outcome.withdrawnNow,
      erasure: erasure ? { dueAt: new Date(erasure.dueAt).toISOString(), status: erasure.status } : null,
    };
  }
}
