import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { E2eSystem } from '../harness/e2e-system';
import { type Caller, type GraphQLAnswer, graphql, http } from '../harness/http-client';

export interface ImageView {
  id: string;
  caseId: string;
  encodeStatus: 'pending' | 'done' | 'failed';
  encodeErrorCode: string | null;
  faces: unknown[];
}

export interface AnalysisView {
  id: string;
  status: string;
  errorCode: string | null;
  result: {
    generatedWeights: boolean;
    disorders: { rank: number; disorderId: string; distance: number }[];
    genes: { rank: number; symbol: string; distance: number }[];
    patients: { rank: number; caseId: string; imageId: string; distance: number }[];
  } | null;
}

const GALLERY = `query($filter: GalleryFilter, $first: Int) {
  gallery(filter: $filter, first: $first) { edges { node { id accessLevel diagnoses { disorderId } images { id encodeStatus } } } }
}`;

const ANALYSIS = `query($id: ID!) { analysis(id: $id) { id status errorCode
  result { generatedWeights disorders { rank disorderId distance } genes { rank symbol distance } patients { rank caseId imageId distance } } } }`;

function expectStatus(what: string, answer: { status: number; body: unknown }, ...ok: number[]): void {
  if (!ok.includes(answer.status)) throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
}

function onlyData<T>(what: string, answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length || !answer.data) throw new Error(`${what}: ${JSON.stringify(answer.errors ?? answer)}`);
  return answer.data;
}

/** What the journeys do, as GMDB's users do it: REST on case-service and consent-service, GraphQL through the gateway. */
export class GmdbClient {
  constructor(readonly system: E2eSystem) {}

  /** POST /api/v1/cases with an Idempotency-Key; answers the status and the case id. */
  async pushCase(caller: Caller, body: Record<string, unknown>, idempotencyKey = randomUUID()): Promise<{ status: number; id: string }> {
    const r = await http<{ id: string }>('POST', `${this.system.caseUrl}/api/v1/cases`, { caller, body, headers: { 'idempotency-key': idempotencyKey } });
    expectStatus('push case', r, 200, 201);
    return { status: r.status, id: r.body.id };
  }

  /** The same POST, answered as it is (for the refusals). */
  async pushCaseRaw(caller: Caller, body: Record<string, unknown>, idempotencyKey: string): Promise<{ status: number; code?: string }> {
    const r = await http<{ error?: { code?: string } }>('POST', `${this.system.caseUrl}/api/v1/cases`, { caller, body, headers: { 'idempotency-key': idempotencyKey } });
    return { status: r.status, code: r.body.error?.code };
  }

  /** POST a photo as base64 JSON (what systems without multipart do). */
  async uploadPhoto(caller: Caller, caseId: string, photo: Buffer, idempotencyKey = randomUUID()): Promise<ImageView> {
    const r = await http<ImageView>('POST', `${this.system.caseUrl}/api/v1/cases/${caseId}/images`, {
      caller,
      body: { contentBase64: photo.toString('base64'), modality: 'portrait', ageAtCapture: 'P4Y' },
      headers: { 'idempotency-key': idempotencyKey },
    });
    expectStatus('upload photo', r, 200, 201);
    return r.body;
  }

  async image(caller: Caller, imageId: string): Promise<ImageView> {
    const r = await http<ImageView>('GET', `${this.system.caseUrl}/api/v1/images/${imageId}`, { caller });
    expectStatus('read image', r, 200);
    return r.body;
  }

  /** The gallery through the gateway: the ids of the cases the caller sees. */
  async galleryIds(caller: Caller, filter: Record<string, unknown> = {}): Promise<string[]> {
    const data = onlyData('gallery', await graphql<{ gallery: { edges: { node: { id: string } }[] } }>(this.system.gatewayUrl, GALLERY, { filter, first: 100 }, caller));
    return data.gallery.edges.map((e) => e.node.id);
  }

  /** The gallery with each case's consent (a second subgraph), sent with a correlation id. */
  async galleryWithConsent(caller: Caller, correlationId: string): Promise<{ status: number; caseIds: string[]; correlationId: string | null }> {
    const r = await http<{ data?: { gallery: { edges: { node: { id: string } }[] } } }>('POST', `${this.system.gatewayUrl}/graphql`, {
      caller,
      body: { query: '{ gallery(first: 100) { edges { node { id consent { version accessLevel } } } } }' },
      headers: { 'x-correlation-id': correlationId },
    });
    return { status: r.status, caseIds: (r.body.data?.gallery.edges ?? []).map((e) => e.node.id), correlationId: r.headers.get('x-correlation-id') };
  }

  /** The responsible clinician invites (gateway mutation); the patient opens the link and signs (consent-service REST); signedAt: when the signature was sent. */
  async inviteAndSign(clinician: Caller, caseId: string, dataUse: 'fair' | 'ai-training-only'): Promise<{ consentId: string; patient: Caller; signedAt: number }> {
    const invited = onlyData(
      'invite',
      await graphql<{ inviteToConsent: { token: string } }>(
        this.system.gatewayUrl,
        'mutation($input: InviteToConsentInput!) { inviteToConsent(input: $input) { token } }',
        { input: { caseId, language: 'en' } },
        clinician,
      ),
    );
    const token = invited.inviteToConsent.token;
    const form = await http('GET', `${this.system.consentUrl}/api/v1/invitations/${token}?language=en`);
    expectStatus('open invitation', form, 200);
    const signature = await sharp({ create: { width: 120, height: 40, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const signedAt = Date.now();
    const signed = await http<{ consent: { id: string; accessLevel: string }; account: { token: string } }>(
      'POST',
      `${this.system.consentUrl}/api/v1/invitations/${token}/sign`,
      {
        body: {
          language: 'en',
          choices: { dataUse, presentations: false, teaching: true, otherJournals: false, matchmakingContact: true },
          signer: { name: 'Alex Example', relation: 'parent', signature: `data:image/png;base64,${signature.toString('base64')}` },
        },
      },
    );
    expectStatus('sign', signed, 201);
    return { consentId: signed.body.consent.id, patient: { token: signed.body.account.token }, signedAt };
  }

  /** The patient withdraws (consent-service REST); at: when the request was sent. */
  async withdraw(patient: Caller, caseId: string): Promise<{ withdrawnNow: boolean; at: number }> {
    const at = Date.now();
    const r = await http<{ withdrawnNow: boolean }>('POST', `${this.system.consentUrl}/api/v1/consents/${caseId}/withdraw`, {
      caller: patient,
      body: { reason: 'we changed our mind' },
    });
    expectStatus('withdraw', r, 200);
    return { withdrawnNow: r.body.withdrawnNow, at };
  }

  /** POST /api/v1/analyses (base64 JSON): the id of the queued analysis. */
  async submitAnalysis(caller: Caller, photo: Buffer): Promise<string> {
    const r = await http<{ id: string; status: string }>('POST', `${this.system.caseUrl}/api/v1/analyses`, {
      caller,
      body: { contentBase64: photo.toString('base64') },
      headers: { 'idempotency-key': randomUUID() },
    });
    expectStatus('submit analysis', r, 201);
    return r.body.id;
  }

  /** An analysis through the gateway (null when it is not the caller's). */
  async analysis(caller: Caller, id: string): Promise<AnalysisView | null> {
    return onlyData('analysis', await graphql<{ analysis: AnalysisView | null }>(this.system.gatewayUrl, ANALYSIS, { id }, caller)).analysis;
  }
}
