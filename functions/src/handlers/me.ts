// GET /api/me — whose key this is: the pane fixes the province from it (no dropdown of twelve) and
// names it on the settings page.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { CHINA_PROVINCES } from '../../../shared';
import type { KeyIdentity } from '../../../shared/api';
import { principalOf } from '../auth';
import { ok } from '../http/responses';

export async function getMe(request: HttpRequest): Promise<HttpResponseInit> {
  const principal = principalOf(request);
  const body: KeyIdentity =
    principal.role === 'central'
      ? { role: 'central' }
      : {
          role: 'province',
          provinceId: principal.provinceId,
          provinceName: CHINA_PROVINCES.find((p) => p.id === principal.provinceId)?.name ?? principal.provinceId,
        };
  return ok(body);
}
