import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { DomainError, IssueCode, type PaperConsentInput, type Principal, unwrapValid, validateCaseId, validatePaperConsentInput } from '@gmdb/domain';
import { CurrentPrincipal, validateWith } from '@gmdb/platform';
import type { Request, Response } from 'express';
import { originOf } from '../audit/audit-actor';
import { toConsentView } from '../consents/models/consent.view';
import { PaperConsentService } from './paper-consent.service';

/** The hard limit of a multipart upload; CONSENT_SCAN_MAX_BYTES is checked below it. */
const UPLOAD_LIMIT_BYTES = 100 * 1024 * 1024;

function parseConsentField(text: unknown): PaperConsentInput {
  let parsed: unknown;
  try {
    parsed = typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) {
    throw DomainError.validation([{ path: 'consent', code: IssueCode.INVALID_FORMAT, message: 'Send the choices as a JSON text field "consent"' }]);
  }
  return unwrapValid(validatePaperConsentInput(parsed));
}

/**
 * Paper consents: multipart/form-data with the scan (`scan`: PDF, JPEG or PNG) and a JSON field
 * `consent` ({ templateVersion, language, choices, signer: { name, relation, signedOn } }).
 */
@Controller('api/v1')
export class PaperConsentController {
  constructor(private readonly paper: PaperConsentService) {}

  @Post('cases/:caseId/paper-consents')
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('scan', { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1 } }))
  async record(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId', validateWith((v) => validateCaseId(v, 'caseId'))) caseId: string,
    @UploadedFile() scan: Express.Multer.File | undefined,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
  ) {
    const input = parseConsentField(body?.['consent']);
    return { consent: toConsentView(await this.paper.record(principal, caseId, input, scan?.buffer, originOf(req))) };
  }

  @Get('consents/:consentId/scan')
  async scan(@CurrentPrincipal() principal: Principal, @Param('consentId') consentId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { bytes, contentType } = await this.paper.scan(principal, consentId, originOf(req));
    res.status(200).type(contentType).setHeader('cache-control', 'private, no-store');
    res.send(bytes);
  }
}
