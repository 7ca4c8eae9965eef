import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@gmdb/domain';
import type { E2eSystem, SystemMode } from '../harness/e2e-system';
import type { Caller } from '../harness/http-client';
import { waitFor } from '../harness/wait-for';
import { type AnalysisView, GmdbClient } from './gmdb-client';
import { DISORDERS, astronautPhoto, hospitalCase } from './journey-fixtures';
import { TimingTable } from './timing-table';

const MINUTE = 60_000;

/** What the journeys hand on to each other (they run in order on one system). */
interface JourneyState {
  apiKey: Caller;
  fairCaseId: string;
  privateCaseId: string;
  patient: Caller;
  analysisId: string;
  privateImageId: string;
}

/**
 * The journeys of issue 6 against one running system (either mode), in order: a hospital pushes
 * a case and consent makes it FAIR; a clinician analyses a photo; the patient withdraws.
 */
export function describeJourneys(mode: SystemMode, start: () => Promise<E2eSystem>): void {
  describe(`GMDB end to end (${mode})`, () => {
    const timings = new TimingTable(mode);
    const photo = astronautPhoto();
    const state: Partial<JourneyState> = {};
    let system: E2eSystem;
    let gmdb: GmdbClient;
    let stopped = false;
    const galleryClinician: Caller = { token: '' };
    const analyst: Caller = { token: '' };
    const inviter: Caller = { token: '' };
    const need = <K extends keyof JourneyState>(key: K): JourneyState[K] => {
      const value = state[key];
      if (value === undefined) throw new Error(`an earlier journey did not get as far as ${key}`);
      return value as JourneyState[K];
    };
    const withLogs = async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (e) {
        throw new Error(`${e instanceof Error ? e.message : String(e)}\n--- logs ---\n${system.logs(30)}`);
      }
    };

    beforeAll(async () => {
      const started = Date.now();
      system = await start();
      timings.record('system start (build + migrate + ready)', Date.now() - started, [`apps ready after ${system.startupMs} ms`, ...system.notes].join('; '));
      gmdb = new GmdbClient(system);
      galleryClinician.token = await system.token('dr-gallery', [Role.Clinician]);
      analyst.token = await system.token('dr-analyst', [Role.Clinician]);
      // The hospital's own clinician: a case its system pushed opens up only for a steward of the institution.
      inviter.token = await system.token('dr-his', [Role.Clinician], { institutionId: 'his-e2e' });
    }, 5 * MINUTE);

    afterAll(async () => {
      timings.print();
      if (system && !stopped) await system.stop();
    }, 2 * MINUTE);

    it('a hospital system pushes a case with a real portrait (API key, Idempotency-Key); the worker encodes it', () =>
      withLogs(async () => {
        const apiKey: Caller = { apiKey: await system.createApiKey('his-e2e') };
        state.apiKey = apiKey;
        const body = hospitalCase(`his-${randomUUID()}`, DISORDERS.shared);
        const key = randomUUID();
        const first = await gmdb.pushCase(apiKey, body, key);
        const retry = await gmdb.pushCase(apiKey, body, key);
        expect(retry).toEqual(first);
        const reused = await gmdb.pushCaseRaw(apiKey, { ...body, sex: 'male' }, key);
        expect([reused.status, reused.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
        state.fairCaseId = first.id;
        const privateCase = await gmdb.pushCase(apiKey, hospitalCase(`his-${randomUUID()}`, DISORDERS.private));
        state.privateCaseId = privateCase.id;

        const uploaded = Date.now();
        const images = [await gmdb.uploadPhoto(apiKey, first.id, photo), await gmdb.uploadPhoto(apiKey, privateCase.id, photo)];
        timings.record('upload 2 portraits (REST, base64)', Date.now() - uploaded);
        const encoded = await Promise.all(
          images.map((image) =>
            waitFor(
              async () => {
                const now = await gmdb.image(apiKey, image.id);
                return now.encodeStatus === 'pending' ? undefined : now;
              },
              { what: `image ${image.id} encoded`, timeoutMs: 2 * MINUTE, intervalMs: 100 },
            ),
          ),
        );
        timings.record('both portraits encoded (upload -> encodeStatus done)', Date.now() - uploaded);
        expect(encoded.map((i) => [i.encodeStatus, i.encodeErrorCode, i.faces.length])).toEqual([
          ['done', null, 1],
          ['done', null, 1],
        ]);
        state.privateImageId = images[1]?.id;
      }),
      5 * MINUTE,
    );

    it('a clinician does not see the private case in the gallery; consent (invite -> sign) makes it FAIR and it appears', () =>
      withLogs(async () => {
        const caseId = need('fairCaseId');
        const privateId = need('privateCaseId');
        const filter = { disorderId: DISORDERS.shared.disorderId };
        expect(await gmdb.galleryIds(galleryClinician, filter)).not.toContain(caseId);
        expect(await gmdb.galleryIds(galleryClinician)).not.toContain(privateId);

        const privateConsent = await gmdb.inviteAndSign(inviter, privateId, 'ai-training-only');
        expect(privateConsent.consentId).toBeTruthy();
        const signed = await gmdb.inviteAndSign(inviter, caseId, 'fair');
        state.patient = signed.patient;
        await waitFor(async () => (await gmdb.galleryIds(galleryClinician, filter)).includes(caseId), {
          what: `case ${caseId} in the gallery after consent`,
          timeoutMs: MINUTE,
          intervalMs: 25,
        });
        timings.record('consent propagation: signed -> in the gallery (gateway)', Date.now() - signed.signedAt);
        await waitFor(
          async () => {
            const fresh = await waitForAnalysis(gmdb, analyst, await gmdb.submitAnalysis(analyst, photo));
            return fresh.result?.patients.some((p) => p.caseId === caseId);
          },
          { what: 'a new analysis naming the FAIR case (index)', timeoutMs: MINUTE, intervalMs: 0 },
        );
        timings.record('consent propagation: signed -> named by a new analysis (index)', Date.now() - signed.signedAt, 'upper bound: includes one analysis round trip');
        expect(await gmdb.galleryIds(galleryClinician)).not.toContain(privateId);
      }),
      3 * MINUTE,
    );

    it('a clinician analyses a photo: ranked disorders, genes and patients; the private case counts but is never named', () =>
      withLogs(async () => {
        const fairId = need('fairCaseId');
        const privateId = need('privateCaseId');
        const submitted = Date.now();
        const id = await gmdb.submitAnalysis(analyst, photo);
        state.analysisId = id;
        const done = await waitForAnalysis(gmdb, analyst, id);
        timings.record('analysis: submitted -> done (read through the gateway)', Date.now() - submitted);
        expect(done).toMatchObject({ status: 'done', errorCode: null });
        const result = done.result;
        if (!result) throw new Error('a done analysis without a result');
        expect(result.generatedWeights).toBe(true);
        const disorders = result.disorders.map((d) => d.disorderId);
        expect(disorders).toEqual(expect.arrayContaining([DISORDERS.shared.disorderId, DISORDERS.private.disorderId]));
        expect(result.genes.map((g) => g.symbol)).toEqual(expect.arrayContaining([DISORDERS.shared.gene.symbol, DISORDERS.private.gene.symbol]));
        expect(result.disorders.map((d) => d.rank)).toEqual(result.disorders.map((_, i) => i + 1));
        expect(result.patients.map((p) => p.caseId)).toContain(fairId);
        expect(JSON.stringify(done)).not.toContain(privateId);
        expect(JSON.stringify(done)).not.toContain(need('privateImageId'));
        expect(await gmdb.analysis(galleryClinician, id)).toBeNull();
      }),
      3 * MINUTE,
    );

    it('the gateway verifies the caller once and forwards the correlation id to every subgraph it plans into', () =>
      withLogs(async () => {
        const fairId = need('fairCaseId');
        const correlationId = `e2e-${randomUUID()}`;
        const answer = await gmdb.galleryWithConsent(galleryClinician, correlationId);
        expect(answer.caseIds).toContain(fairId);
        expect(answer.correlationId).toBe(correlationId);
        const logged = (service: string) => new RegExp(`"name":"${service}".*"correlationId":"${correlationId}"`);
        await expect(system.waitForLog(logged('case-service'), 10_000)).resolves.toContain(correlationId);
        await expect(system.waitForLog(logged('consent-service'), 10_000)).resolves.toContain(correlationId);
        expect((await gmdb.galleryWithConsent({ token: 'forged.jwt.token' }, correlationId)).status).toBe(401);
      }),
      MINUTE,
    );

    it('the patient withdraws: the case leaves the gallery, the index and the analyses (measured)', () =>
      withLogs(async () => {
        const caseId = need('fairCaseId');
        const analysisId = need('analysisId');
        const withdrawn = await gmdb.withdraw(need('patient'), caseId);
        expect(withdrawn.withdrawnNow).toBe(true);
        const since = (ms: number) => ms - withdrawn.at;
        const [gallery, stored, index] = await Promise.all([
          waitFor(async () => ((await gmdb.galleryIds(galleryClinician)).includes(caseId) ? undefined : Date.now()), {
            what: 'the withdrawn case gone from the gallery',
            timeoutMs: MINUTE,
            intervalMs: 25,
          }),
          waitFor(async () => ((await gmdb.analysis(analyst, analysisId))?.result?.patients.some((p) => p.caseId === caseId) ? undefined : Date.now()), {
            what: 'the withdrawn case gone from the stored analysis',
            timeoutMs: MINUTE,
            intervalMs: 25,
          }),
          waitFor(
            async () => {
              const fresh = await waitForAnalysis(gmdb, analyst, await gmdb.submitAnalysis(analyst, photo));
              const ranked = fresh.result?.disorders.some((d) => d.disorderId === DISORDERS.shared.disorderId);
              return ranked ? undefined : Date.now();
            },
            { what: 'a new analysis no longer ranking the withdrawn case (index)', timeoutMs: 2 * MINUTE, intervalMs: 0 },
          ),
        ]);
        timings.record('withdrawal -> gone from the gallery (gateway)', since(gallery));
        timings.record('withdrawal -> gone from a stored analysis (patients)', since(stored));
        timings.record('withdrawal -> a new analysis no longer ranks it (index)', since(index), 'upper bound: includes one analysis round trip');
        const removed = await loggedAt(system, new RegExp(`case ${caseId}: \\d+ embedding rows and \\d+ index entries removed`));
        if (removed !== undefined) timings.record('withdrawal -> embeddings and index entries removed (worker log time)', since(removed));
      }),
      4 * MINUTE,
    );

    it('stops every process gracefully (SIGTERM -> exit 0)', async () => {
      stopped = true;
      const report = await system.stop();
      timings.record('graceful stop (SIGTERM -> all exited)', report.ms);
      expect(report.failures).toEqual([]);
    }, 2 * MINUTE);
  });
}

/** The `time` of the first JSON log line matching `pattern`, or undefined when none comes within 10 s. */
async function loggedAt(system: E2eSystem, pattern: RegExp): Promise<number | undefined> {
  try {
    const line = await system.waitForLog(pattern, 10_000);
    const time = (JSON.parse(line.slice(line.indexOf('{'))) as { time?: string | number }).time;
    return time === undefined ? undefined : new Date(time).getTime();
  } catch {
    return undefined;
  }
}

async function waitForAnalysis(gmdb: GmdbClient, caller: Caller, id: string): Promise<AnalysisView> {
  return waitFor(
    async () => {
      const a = await gmdb.analysis(caller, id);
      return a && (a.status === 'done' || a.status === 'failed') ? a : undefined;
    },
    { what: `analysis ${id} done`, timeoutMs: 2 * MINUTE, intervalMs: 50 },
  );
}
