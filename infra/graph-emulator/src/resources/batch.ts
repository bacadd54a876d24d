import type { Request, Response as ExpressResponse } from 'express';
import { z } from 'zod';
import type { EmulatorContext, ResourceModule } from '../context';
import { graphErrorBody, graphErrors, newRequestId } from '../errors';

const batchSchema = z.object({
  requests: z
    .array(
      z.object({
        id: z.string().min(1),
        method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
        url: z.string().min(1),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.unknown().optional(),
        dependsOn: z.array(z.string()).optional(),
      }),
    )
    .min(1)
    .max(20, 'The maximum number of requests in a batch is 20.'),
});

type BatchRequest = z.infer<typeof batchSchema>['requests'][number];
interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export const INNER_REQUEST_HEADER = 'x-emulator-batch-inner';

async function runBatch(ctx: EmulatorContext, req: Request, res: ExpressResponse): Promise<void> {
  const parsed = batchSchema.safeParse(req.body);
  if (!parsed.success) throw graphErrors.badRequest(parsed.error.issues[0]?.message ?? 'Invalid batch request.');
  const requests = parsed.data.requests;
  const ids = new Set<string>();
  for (const r of requests) {
    if (ids.has(r.id)) throw graphErrors.badRequest(`Batch request id '${r.id}' is not unique.`);
    ids.add(r.id);
  }
  for (const r of requests)
    for (const d of r.dependsOn ?? [])
      if (!ids.has(d)) throw graphErrors.badRequest(`Batch request '${r.id}' depends on unknown request '${d}'.`);

  const authorization = req.headers.authorization ?? '';
  const run = (r: BatchRequest) => sendInner(ctx, r, authorization);
  const sequential = requests.some((r) => r.dependsOn?.length);
  const responses = new Map<string, BatchResponse>();
  if (sequential) {
    for (const r of requests) {
      const failed = (r.dependsOn ?? []).find((d) => (responses.get(d)?.status ?? 424) >= 400);
      if (failed !== undefined) {
        responses.set(r.id, {
          id: r.id,
          status: 424,
          headers: { 'Content-Type': 'application/json' },
          body: graphErrorBody('FailedDependency', `Dependent request '${failed}' failed.`, newRequestId()),
        });
        continue;
      }
      responses.set(r.id, await run(r));
    }
  } else {
    for (const answer of await Promise.all(requests.map(run))) responses.set(answer.id, answer);
  }
  res.json({ responses: requests.map((r) => responses.get(r.id)) });
}

/**
 * JSON batching. Each inner request is sent over HTTP to this same server, so that it meets the same fault
 * injection, token validation and handlers as a direct call, and can come back 429 on its own, as in Graph.
 */
export const batchModule: ResourceModule = {
  name: 'batch',
  routes: [{ method: 'POST', path: '/\\$batch', operation: 'POST /$batch', handler: runBatch }],
};

async function sendInner(ctx: EmulatorContext, r: BatchRequest, authorization: string): Promise<BatchResponse> {
  if (!r.url.startsWith('/') || r.url.startsWith('//'))
    return errorAnswer(r.id, 400, 'BadRequest', 'A batch request url must be relative to the version, e.g. /me.');
  const headers: Record<string, string> = { ...(r.headers ?? {}), authorization, [INNER_REQUEST_HEADER]: '1' };
  const hasBody = r.body !== undefined;
  const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  if (hasBody && !contentType)
    return errorAnswer(r.id, 400, 'BadRequest', 'Content-Type header must be specified for a request with a body.');
  const init = {
    method: r.method,
    headers,
    body: hasBody ? (typeof r.body === 'string' ? r.body : JSON.stringify(r.body)) : undefined,
  };
  let response: Response;
  try {
    response = await fetch(`${ctx.baseUrl()}/v1.0${r.url}`, init);
  } catch {
    // A pooled connection to ourselves can be closed by the keep-alive timer just as it is reused: send again.
    try {
      response = await fetch(`${ctx.baseUrl()}/v1.0${r.url}`, init);
    } catch {
      return errorAnswer(r.id, 503, 'serviceNotAvailable', 'The inner request could not be delivered.');
    }
  }
  const text = await response.text();
  const outHeaders: Record<string, string> = {};
  for (const name of ['content-type', 'retry-after', 'location', 'etag']) {
    const value = response.headers.get(name);
    if (value)
      outHeaders[
        name === 'content-type'
          ? 'Content-Type'
          : name === 'retry-after'
            ? 'Retry-After'
            : name === 'location'
              ? 'Location'
              : 'ETag'
      ] = value;
  }
  let body: unknown;
  if (text) body = outHeaders['Content-Type']?.includes('json') ? JSON.parse(text) : text;
  return { id: r.id, status: response.status, headers: outHeaders, ...(body === undefined ? {} : { body }) };
}

function errorAnswer(id: string, status: number, code: string, message: string): BatchResponse {
  return {
    id,
    status,
    headers: { 'Content-Type': 'application/json' },
    body: graphErrorBody(code, message, newRequestId()),
  };
}
