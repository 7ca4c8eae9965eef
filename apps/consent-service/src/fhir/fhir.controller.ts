import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { type FhirConsent, type Principal, validateCaseId } from '@gmdb/domain';
import { CurrentPrincipal, validateWith } from '@gmdb/platform';
import type { Request, Response } from 'express';
import { originOf } from '../audit/audit-actor';
import { FhirExportService } from './fhir-export.service';

const FHIR_JSON = 'application/fhir+json; fhirVersion=4.0';

function send(res: Response, resource: FhirConsent): void {
  res.status(200).type(FHIR_JSON).send(JSON.stringify(resource));
}

/** HL7 FHIR R4 Consent export of one version, or of a case's current one. */
@Controller('api/v1')
export class FhirController {
  constructor(private readonly fhir: FhirExportService) {}

  @Get('consents/:consentId/fhir')
  async byId(@CurrentPrincipal() principal: Principal, @Param('consentId') consentId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(res, await this.fhir.byId(principal, consentId, originOf(req)));
  }

  @Get('cases/:caseId/consent/fhir')
  async current(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId', validateWith((v) => validateCaseId(v, 'caseId'))) caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.fhir.currentOfCase(principal, caseId, originOf(req)));
  }
}
