// The pane's HTTP client for the functions API. Every failure becomes an ApiFailure with a stable code, so
// the pane can say in the user's language what happened and what to do (offline, 401, 403, 413, …).
import type { AggregateRecord, AggregateRecordsPage, AggregateResponse, ApiError, KeyIdentity, LeanAggregate, SubmissionPreview, SubmissionRequest, SubmissionResponse } from '../../../shared/api';
import type { MonthlyReport } from '../../../shared/report';
import type { Campaign, IsoMonth } from '../../../shared/types';

export type ApiFailureCode = 'offline' | 'unauthorized' | 'forbidden' | 'conflict' | 'too-large' | 'bad-request' | 'server';

export class ApiFailure extends Error {
  constructor(
    readonly code: ApiFailureCode,
    readonly status: number | null,
    readonly url: string,
    /** The server's own explanation, when it sent one. */
    readonly serverMessage: { zh: string; en?: string; code?: string; details?: unknown } | null,
  ) {
    super(serverMessage?.zh ?? `${code} ${status ?? ''} ${url}`.trim());
    this.name = 'ApiFailure';
  }
}

export interface ApiClientOptions {
  /** Base address; empty = same origin. */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
}

export type SubmitResult = SubmissionResponse & { status: number };

export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Idempotent on the server (content hash), so a retry after a failure never counts twice.
   *  `confirm`: the submission id of the snapshot the user agreed to remove records from. */
  async submit(request: SubmissionRequest, confirm?: string | null): Promise<SubmitResult> {
    const response = await this.send(`/api/submissions${confirm ? `?${query({ confirm })}` : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as SubmissionResponse;
    return { ...body, status: response.status };
  }

  /** What the submission would do (diff, completeness before/after, issues); stores nothing. */
  async preview(request: SubmissionRequest): Promise<SubmissionPreview> {
    const response = await this.send('/api/submissions?dryRun=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    return (await response.json()) as SubmissionPreview;
  }

  /** The key's role and, for a province key, its province. */
  async me(): Promise<KeyIdentity> {
    const response = await this.send('/api/me');
    return (await response.json()) as KeyIdentity;
  }

  /** The lean aggregate, then its records page by page: no answer grows past a page (the whole
   *  aggregate of 100,000 records was one 35 MiB answer). A version submitted while paging
   *  (409 aggregate-changed) starts the reading over. `requirements[].rows` come back empty. */
  async aggregate(campaignId: string, month: IsoMonth): Promise<AggregateResponse> {
    for (let attempt = 0; ; attempt++) {
      const lean = (await (await this.send(`/api/aggregate?${query({ campaignId, month, view: 'lean' })}`)).json()) as LeanAggregate;
      const records: AggregateRecord[] = [];
      let continuation: string | null = null;
      try {
        do {
          const page: AggregateRecordsPage = (await (
            await this.send(`/api/aggregate/records?${query({ campaignId, month, pageSize: '2000', ...(continuation ? { continuation } : {}) })}`)
          ).json()) as AggregateRecordsPage;
          records.push(...page.records);
          continuation = page.continuation;
        } while (continuation);
      } catch (error) {
        if (attempt < 2 && error instanceof ApiFailure && error.serverMessage?.code === 'aggregate-changed') continue;
        throw error;
      }
      const { recordCount: _count, ...rest } = lean;
      return { ...rest, records };
    }
  }

  async campaign(campaignId: string): Promise<Campaign> {
    const response = await this.send(`/api/campaigns/${encodeURIComponent(campaignId)}`);
    return (await response.json()) as Campaign;
  }

  async monthlyReportJson(campaignId: string, month: IsoMonth): Promise<MonthlyReport> {
    const response = await this.send(`/api/reports/monthly?${query({ campaignId, month, format: 'json' })}`);
    return (await response.json()) as MonthlyReport;
  }

  /** The report as a file; `remarks` (办公室意见) goes into it. */
  async monthlyReportXlsx(campaignId: string, month: IsoMonth, remarks?: string): Promise<Blob> {
    return this.monthlyReportFile(campaignId, month, 'xlsx', remarks);
  }

  async monthlyReportDocx(campaignId: string, month: IsoMonth, remarks?: string): Promise<Blob> {
    return this.monthlyReportFile(campaignId, month, 'docx', remarks);
  }

  private async monthlyReportFile(campaignId: string, month: IsoMonth, format: 'xlsx' | 'docx', remarks?: string): Promise<Blob> {
    const params: Record<string, string> = { campaignId, month, format };
    if (remarks?.trim()) params.remarks = remarks.trim();
    const response = await this.send(`/api/reports/monthly?${query(params)}`);
    return response.blob();
  }

  private url(path: string): string {
    return `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  private async send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const url = this.url(path);
    const headers: Record<string, string> = { ...init.headers };
    if (this.options.apiKey) headers['x-api-key'] = this.options.apiKey;
    let response: Response;
    try {
      response = await this.fetchImpl(url, { ...init, headers });
    } catch {
      throw new ApiFailure('offline', null, url, null);
    }
    if (response.ok) return response;
    throw new ApiFailure(failureCode(response.status), response.status, url, await serverMessage(response));
  }
}

function failureCode(status: number): ApiFailureCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too-large';
  // A gateway answering for an unreachable backend (a proxy, Azure's front end) means the API is offline.
  if (status === 502 || status === 503 || status === 504) return 'offline';
  if (status >= 500) return 'server';
  return 'bad-request';
}

async function serverMessage(response: Response): Promise<{ zh: string; en?: string; code?: string; details?: unknown } | null> {
  try {
    const body = (await response.json()) as Partial<ApiError>;
    if (body.error && typeof body.error.message === 'string') {
      return { zh: body.error.message, en: body.error.messageEn, code: body.error.code, details: body.error.details };
    }
  } catch {
    // Not JSON (a proxy's HTML page): the status alone has to do.
  }
  return null;
}

function query(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}
