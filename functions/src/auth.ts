// Who is calling: the `x-api-key` header, looked up by its hash. A province key reaches only its
// own province; the central key reaches everything and may edit campaigns.
import type { HttpRequest } from '@azure/functions';
import { CHINA_PROVINCES } from '../../shared';
import { forbidden, unauthorized } from './http/responses';
import { hashKey } from './keys';
import type { Principal, Repository } from './storage/repository';

/** `public`: no key; `key`: any valid key (handlers check the province); `central`: the central key only. */
export type AuthRule = 'public' | 'key' | 'central';

const CACHE_MS = 60_000;
const cache = new Map<string, { principal: Principal; at: number }>();
const principals = new WeakMap<HttpRequest, Principal>();

async function lookup(repo: Repository, key: string): Promise<Principal | null> {
  const hash = hashKey(key);
  const hit = cache.get(hash);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.principal;
  const principal = await repo.findKey(hash);
  if (principal) cache.set(hash, { principal, at: Date.now() });
  return principal;
}

export async function authenticate(request: HttpRequest, rule: AuthRule, repo: Repository): Promise<void> {
  if (rule === 'public') return;
  const key = request.headers.get('x-api-key')?.trim();
  if (!key) {
    throw unauthorized('key-missing', '缺少访问密钥：请在请求头 x-api-key 中提供密钥。', 'Missing API key: send it in the x-api-key header.');
  }
  const principal = await lookup(repo, key);
  if (!principal) {
    throw unauthorized('key-invalid', '访问密钥无效（请求头 x-api-key）：请向中央办公室申请新密钥。', 'Invalid API key (x-api-key header): ask the central office for a new key.');
  }
  if (rule === 'central' && principal.role !== 'central') {
    throw forbidden('central-only', '此操作仅限中央办公室密钥。', 'Only the central office key may do this.');
  }
  principals.set(request, principal);
}

export function principalOf(request: HttpRequest): Principal {
  const principal = principals.get(request);
  if (!principal) throw new Error('route called without authentication');
  return principal;
}

/** 贵州省 for guizhou: people read names, programs read the ids in `details`. */
function provinceName(id: string): string {
  return CHINA_PROVINCES.find((p) => p.id === id)?.name ?? id;
}

export function assertProvinceAccess(principal: Principal, provinceId: string): void {
  if (principal.role === 'province' && principal.provinceId !== provinceId) {
    throw forbidden(
      'province-forbidden',
      `此密钥属于${provinceName(principal.provinceId)}，不能访问${provinceName(provinceId)}的数据。`,
      `This key belongs to "${principal.provinceId}" and cannot reach "${provinceId}".`,
      { keyProvinceId: principal.provinceId, provinceId },
    );
  }
}
