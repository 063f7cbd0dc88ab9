// The ONE route table: the Functions entry (index.ts) registers it with app.http, and the local
// host (local-host.ts) serves the same routes over node:http. Both call `routeHandler(route)`,
// which adds authentication and turns failures into error answers.
import type { HttpHandler, HttpMethod, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { authenticate, type AuthRule } from './auth';
import { getAggregate, getAggregateRecords } from './handlers/aggregate';
import { getCampaign, putCampaign } from './handlers/campaigns';
import { getMonthlyReport } from './handlers/reports';
import { health, live } from './handlers/health';
import { getMe } from './handlers/me';
import { getSubmission, getSubmissionOriginal, listSubmissions, postSubmission } from './handlers/submissions';
import { ApiFailure, errorResponse, internalError, storageUnavailable } from './http/responses';
import { isUnreachable } from './storage/errors';
import { LIMITS } from './limits';
import { getRepository } from './services';

export interface Route {
  name: string;
  methods: HttpMethod[];
  /** Relative to the `api/` prefix, in the Functions route syntax (`submissions/{id}`). */
  route: string;
  auth: AuthRule;
  /** The largest body the route reads; the local host stops reading past it (0: no body). */
  maxBodyBytes: number;
  handler: (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;
}

export const routes: Route[] = [
  { name: 'health', methods: ['GET'], route: 'health', auth: 'public', maxBodyBytes: 0, handler: health },
  { name: 'health-live', methods: ['GET'], route: 'health/live', auth: 'public', maxBodyBytes: 0, handler: live },
  { name: 'submissions-create', methods: ['POST'], route: 'submissions', auth: 'key', maxBodyBytes: Math.max(LIMITS.jsonBytes, LIMITS.xlsxBytes), handler: postSubmission },
  { name: 'submissions-list', methods: ['GET'], route: 'submissions', auth: 'key', maxBodyBytes: 0, handler: listSubmissions },
  { name: 'submission-get', methods: ['GET'], route: 'submissions/{id}', auth: 'key', maxBodyBytes: 0, handler: getSubmission },
  { name: 'submission-original', methods: ['GET'], route: 'submissions/{id}/original', auth: 'key', maxBodyBytes: 0, handler: getSubmissionOriginal },
  { name: 'me', methods: ['GET'], route: 'me', auth: 'key', maxBodyBytes: 0, handler: getMe },
  { name: 'aggregate', methods: ['GET'], route: 'aggregate', auth: 'central', maxBodyBytes: 0, handler: getAggregate },
  { name: 'aggregate-records', methods: ['GET'], route: 'aggregate/records', auth: 'central', maxBodyBytes: 0, handler: getAggregateRecords },
  { name: 'report-monthly', methods: ['GET', 'POST'], route: 'reports/monthly', auth: 'central', maxBodyBytes: LIMITS.reportBodyBytes, handler: getMonthlyReport },
  { name: 'campaign-get', methods: ['GET'], route: 'campaigns/{campaignId}', auth: 'key', maxBodyBytes: 0, handler: getCampaign },
  { name: 'campaign-put', methods: ['PUT'], route: 'campaigns/{campaignId}', auth: 'central', maxBodyBytes: LIMITS.campaignBytes, handler: putCampaign },
];

export function routeHandler(route: Route): HttpHandler {
  return async (request, context) => {
    try {
      await authenticate(request, route.auth, getRepository());
      return await route.handler(request, context);
    } catch (err) {
      if (err instanceof ApiFailure) {
        if (err.status >= 500) context.error(`${route.name}: ${err.code} ${err.messageEn}`);
        else context.warn(`${route.name}: ${err.status} ${err.code}`);
        return errorResponse(err);
      }
      context.error(`${route.name} failed:`, err);
      return errorResponse(isUnreachable(err) ? storageUnavailable() : internalError());
    }
  };
}
