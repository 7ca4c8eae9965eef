import {
  type ChangeConsentInput,
  type InviteToConsentInput,
  type Principal,
  type WithdrawConsentInput,
  unwrapValid,
  validateCaseId,
  validateChangeConsentInput,
  validateInviteToConsentInput,
  validateWithdrawConsentInput,
} from '@gmdb/domain';
import { CurrentPrincipal, type PrincipalRequest } from '@gmdb/platform';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { originOf } from '../audit/audit-actor';
import { AuditQueryService } from '../audit/audit-query.service';
import { domainInputOf, toAuditEventGql, toConsentGql, toInvitationGql } from '../graphql/consent-graphql.mapper';
import { InvitationService } from '../invitations/invitation.service';
import { ConsentService } from './consent.service';
import { toConsentView } from './models/consent.view';

type GqlContext = { req?: PrincipalRequest };
const CHOICE_AND_SIGNER_ENUMS = [['choices', 'dataUse'], ['signer', 'relation']];

/** Consent queries and mutations; each one asks the services, which ask the access rule. */
@Resolver()
export class ConsentResolver {
  constructor(
    private readonly consents: ConsentService,
    private readonly invitations: InvitationService,
    private readonly audit: AuditQueryService,
  ) {}

  @Query('consent')
  async consent(@CurrentPrincipal() principal: Principal, @Args('id') id: string) {
    return toConsentGql(toConsentView(await this.consents.byId(principal, id)));
  }

  @Query('consentAudit')
  async consentAudit(@CurrentPrincipal() principal: Principal, @Args('caseId') caseId: string) {
    return (await this.audit.ofCase(principal, unwrapValid(validateCaseId(caseId, 'caseId')))).map(toAuditEventGql);
  }

  @Query('consentInvitations')
  async consentInvitations(@CurrentPrincipal() principal: Principal, @Args('caseId') caseId: string) {
    return (await this.invitations.listByCase(principal, unwrapValid(validateCaseId(caseId, 'caseId')))).map(toInvitationGql);
  }

  @Mutation('inviteToConsent')
  async inviteToConsent(@CurrentPrincipal() principal: Principal, @Args('input') raw: Record<string, unknown>, @Context() ctx: GqlContext) {
    const input: InviteToConsentInput = unwrapValid(validateInviteToConsentInput(raw));
    const created = await this.invitations.invite(principal, input, originOf(ctx.req));
    return { invitation: toInvitationGql(created.invitation), token: created.token, link: created.link, emailSent: created.emailSent };
  }

  @Mutation('changeConsent')
  async changeConsent(@CurrentPrincipal() principal: Principal, @Args('input') raw: Record<string, unknown>, @Context() ctx: GqlContext) {
    const { caseId, ...rest } = domainInputOf(raw, CHOICE_AND_SIGNER_ENUMS);
    const checkedCaseId = unwrapValid(validateCaseId(caseId, 'caseId'));
    const input: ChangeConsentInput = unwrapValid(validateChangeConsentInput(rest));
    return toConsentGql(toConsentView(await this.consents.change(principal, checkedCaseId, input, originOf(ctx.req))));
  }

  @Mutation('withdrawConsent')
  async withdrawConsent(@CurrentPrincipal() principal: Principal, @Args('input') raw: Record<string, unknown>, @Context() ctx: GqlContext) {
    const { caseId, ...rest } = raw;
    const checkedCaseId = unwrapValid(validateCaseId(caseId, 'caseId'));
    const input: WithdrawConsentInput = unwrapValid(validateWithdrawConsentInput(rest));
    const outcome = await this.consents.withdraw(principal, checkedCaseId, input, originOf(ctx.req));
    return { consent: toConsentGql(toConsentView(outcome.consent)), withdrawnNow: outcome.withdrawnNow };
  }
}
