/** Photos and the open-loop load of the case-service benchmark. */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { caseInputJson } from '@gmdb/domain/testing';
import sharp from 'sharp';
import type { Sample } from './report';

export const PHOTO_WIDTH = 1024;
export const PHOTO_HEIGHT = 768;

export interface PreparedPhotos {
  photos: Buffer[];
  meanBytes: number;
  /** Mean sharp JPEG encode time of one 1024x768 photo in this process, ms. */
  meanEncodeMs: number;
}

/**
 * `count` distinct 1024x768 JPEG portraits made from one source picture: each differs from the
 * others in one pixel, so no two uploads share a SHA-256. Made before the clock starts.
 */
export async function preparePhotos(sourcePath: string, count: number): Promise<PreparedPhotos> {
  const raw = await sharp(sourcePath).removeAlpha().resize(PHOTO_WIDTH, PHOTO_HEIGHT, { fit: 'cover' }).raw().toBuffer();
  const photos: Buffer[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    // One pixel per photo, position and colour from the index (3 bytes = 16.7 M distinct values).
    const pixel = (i * 7919) % (PHOTO_WIDTH * PHOTO_HEIGHT);
    raw[pixel * 3] = i & 0xff;
    raw[pixel * 3 + 1] = (i >> 8) & 0xff;
    raw[pixel * 3 + 2] = (i >> 16) & 0xff;
    photos.push(await sharp(raw, { raw: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 } }).jpeg({ quality: 90 }).toBuffer());
  }
  const elapsed = performance.now() - t0;
  return {
    photos,
    meanBytes: photos.reduce((n, p) => n + p.length, 0) / Math.max(1, count),
    meanEncodeMs: elapsed / Math.max(1, count),
  };
}

export interface PushResult {
  caseRequest: Sample;
  /** Absent when the case POST failed (no photo is sent then). */
  imageRequest?: Sample;
  /** Both requests, from the push's scheduled start (so a late timer counts against the pair). */
  pair: Sample;
  /** How late the load generator started the push, ms. */
  lagMs: number;
}

interface Timed {
  status: number;
  ms: number;
  body: string;
}

async function timedFetch(url: string, init: RequestInit, timeoutMs: number): Promise<Timed> {
  const t0 = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return { status: response.status, ms: performance.now() - t0, body };
  } catch (e) {
    const timedOut = e instanceof Error && e.name === 'TimeoutError';
    return { status: 0, ms: performance.now() - t0, body: timedOut ? `no answer within ${timeoutMs} ms` : e instanceof Error ? e.message : String(e) };
  }
}

export interface PushTarget {
  baseUrl: string;
  apiKey: string;
  /** A short tag in every external id (the run's id). */
  runTag: string;
  /** A request without an answer after this long is aborted and counted as status 0. */
  timeoutMs: number;
  /** First few error bodies, for the report. */
  errorBodies: string[];
}

/** One push: POST the case (fresh externalId, fresh Idempotency-Key), then POST its portrait. */
export async function push(target: PushTarget, index: number, photo: Buffer, scheduledAt: number): Promise<PushResult> {
  const lagMs = performance.now() - scheduledAt;
  const authorization = `ApiKey ${target.apiKey}`;
  const body = caseInputJson({ externalId: `bench-${target.runTag}-${index}`, images: undefined, accessLevel: undefined });
  const created = await timedFetch(`${target.baseUrl}/api/v1/cases`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  }, target.timeoutMs);
  const caseRequest: Sample = { status: created.status, ms: created.ms };
  const caseId = created.status === 201 || created.status === 200 ? (JSON.parse(created.body) as { id?: string }).id : undefined;
  if (!caseId) {
    note(target, `case POST ${created.status}: ${created.body}`);
    return { caseRequest, pair: { status: created.status, ms: performance.now() - scheduledAt }, lagMs };
  }
  const form = new FormData();
  form.append('modality', 'portrait');
  form.append('ageAtCapture', 'P4Y6M');
  form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'portrait.jpg');
  const uploaded = await timedFetch(`${target.baseUrl}/api/v1/cases/${caseId}/images`, {
    method: 'POST',
    headers: { authorization, 'idempotency-key': randomUUID() },
    body: form,
  }, target.timeoutMs);
  if (uploaded.status < 200 || uploaded.status >= 300) note(target, `image POST ${uploaded.status}: ${uploaded.body}`);
  const imageRequest: Sample = { status: uploaded.status, ms: uploaded.ms };
  return { caseRequest, imageRequest, pair: { status: uploaded.status, ms: performance.now() - scheduledAt }, lagMs };
}

function note(target: PushTarget, text: string): void {
  if (target.errorBodies.length < 5) target.errorBodies.push(text.slice(0, 300));
}

export interface LoadRun {
  results: PushResult[];
  /** From the first scheduled push to the last answer, ms. */
  elapsedMs: number;
}

/**
 * Open loop: push `i` is due at start + i / rate seconds whatever happened to earlier pushes (a slow
 * answer never delays the next push, so queueing in the server shows up in the latencies).
 */
export async function runOpenLoop(
  target: PushTarget,
  photos: readonly Buffer[],
  options: { rate: number; seconds: number; firstIndex: number },
): Promise<LoadRun> {
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const intervalMs = 1000 / options.rate;
  const inFlight: Promise<PushResult>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const index = options.firstIndex + i;
    const photo = photos[index % photos.length];
    if (!photo) throw new Error('no photos prepared');
    inFlight.push(push(target, index, photo, due));
  }
  const results = await Promise.all(inFlight);
  return { results, elapsedMs: performance.now() - start };
}
