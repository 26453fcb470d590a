// The one way the web app talks to the server: JSON over fetch with the Bearer token, errors as
// ApiError carrying the server's stable code and details.
import type {
  Attachment, BodyOf, CaseDetail, CaseSummary, Definition, DefinitionDetail, ErrorDetail, FormResource, InboxTask, OrgModel, PackDeployment, PackDiff, PackDraft, PackDraftSummary,
  MigrationPlan, MigrationProcess, MigrationReport, MigrationRequest, PackFiles, WhatIfReport,
  QueryOf, ResponseOf, Session, Task, TaskWithForm, User, WaitingMessage,
} from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type InboxScope = NonNullable<QueryOf<'listTasks'>['scope']>;
export type InboxStatus = NonNullable<QueryOf<'listTasks'>['status']>;

export interface ApiClientOptions {
  /** Prefix of every path; '' for the same origin. */
  baseUrl?: string;
  getToken: () => string | null;
  /** Called on 401 (expired or revoked token). */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | boolean | undefined>;

/** One page of a list read with a cursor. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: string | null;
}

export class ApiClient {
  private paths?: Promise<Set<string>>;

  constructor(private readonly options: ApiClientOptions) {}

  /**
   * Whether the server offers an operation (`/api/packs/{id}/files`), from its OpenAPI document:
   * optional endpoints are asked for only when they exist, so no request fails on an older server.
   */
  async supports(path: string): Promise<boolean> {
    this.paths ??= this.request<{ paths?: Record<string, unknown> }>('GET', '/api/openapi.json')
      .then((doc) => new Set(Object.keys(doc.paths ?? {})), () => new Set<string>());
    return (await this.paths).has(path);
  }

  async request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    return (await this.send<T>(method, path, body, query)).body;
  }

  /**
   * One page of a list: its rows, the cursor of the next page (X-Next-Cursor; null on the last) and,
   * when asked with count=true, the total (X-Total-Count, e.g. "10000+" past the server's bound).
   */
  async page<T>(path: string, query?: Query): Promise<Page<T>> {
    const { body, headers } = await this.send<T[]>('GET', path, undefined, query);
    return { items: body ?? [], nextCursor: headers.get('x-next-cursor'), total: headers.get('x-total-count') };
  }

  private async send<T>(method: string, path: string, body?: unknown, query?: Query): Promise<{ body: T; headers: Headers }> {
    const qs = query
      ? Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')
      : '';
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.options.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    const doFetch = this.options.fetch ?? fetch;
    const res = await doFetch(`${this.options.baseUrl ?? ''}${path}${qs ? `?${qs}` : ''}`, {
      method, headers, body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
    });
    if (res.status === 204) return { body: undefined as T, headers: res.headers };
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const err = (json as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined)?.error;
      if (res.status === 401 && path !== '/api/auth/login') this.options.onUnauthorized?.();
      throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? (text.slice(0, 200) || res.statusText), err?.details ?? []);
    }
    return { body: json as T, headers: res.headers };
  }

  login(username: string, password: string) {
    return this.request<Session>('POST', '/api/auth/login', { username, password } satisfies BodyOf<'login'>);
  }
  logout() { return this.request<void>('POST', '/api/auth/logout'); }
  me() { return this.request<User>('GET', '/api/me'); }
  /** The merged org, or with `process` the org of that process's county (its pack). */
  org(process?: string) { return this.request<OrgModel>('GET', '/api/org', undefined, { process }); }

  tasks(scope: InboxScope, status: InboxStatus = 'open', caseId?: string) {
    return this.request<InboxTask[]>('GET', '/api/tasks', undefined, { scope, status, caseId });
  }
  /** A page of the inbox; pass the previous page's `nextCursor` for the next. */
  tasksPage(scope: InboxScope, status: InboxStatus = 'open', cursor?: string, limit = 50) {
    return this.page<InboxTask>('/api/tasks', { scope, status, cursor, limit });
  }
  task(id: string) { return this.request<TaskWithForm>('GET', `/api/tasks/${encodeURIComponent(id)}`); }
  claim(id: string) { return this.request<InboxTask>('POST', `/api/tasks/${encodeURIComponent(id)}/claim`); }
  unclaim(id: string) { return this.request<InboxTask>('POST', `/api/tasks/${encodeURIComponent(id)}/unclaim`, {}); }
  complete(id: string, data: Record<string, unknown>) {
    return this.request<CaseDetail>('POST', `/api/tasks/${encodeURIComponent(id)}/complete`, { data } satisfies BodyOf<'completeTask'>);
  }
  returnTask(id: string, reason: string) {
    return this.request<Task>('POST', `/api/tasks/${encodeURIComponent(id)}/return`, { reason } satisfies BodyOf<'returnTask'>);
  }
  transfer(id: string, department: string, reason?: string) {
    return this.request<Task>('POST', `/api/tasks/${encodeURIComponent(id)}/transfer`, { department, reason } satisfies BodyOf<'transferTask'>);
  }

  cases(query: QueryOf<'listCases'> = {}) {
    return this.request<CaseSummary[]>('GET', '/api/cases', undefined, query);
  }
  /** A page of the case list (newest first); pass the previous page's `nextCursor` for the next. */
  casesPage(query: QueryOf<'listCases'> = {}) {
    return this.page<CaseSummary>('/api/cases', query);
  }
  case(id: string) { return this.request<CaseDetail>('GET', `/api/cases/${encodeURIComponent(id)}`); }
  /** The BPMN messages the case waits for (撤回 …). */
  waitingMessages(id: string) { return this.request<WaitingMessage[]>('GET', `/api/cases/${encodeURIComponent(id)}/messages`); }
  sendMessage(id: string, name: string, payload: Record<string, unknown>) {
    return this.request<CaseDetail>('POST', `/api/cases/${encodeURIComponent(id)}/messages`, { name, payload } satisfies BodyOf<'sendMessage'>);
  }
  startCase(process: string, data: Record<string, unknown>, title?: string) {
    return this.request<CaseDetail>('POST', '/api/cases', { process, data, ...(title ? { title } : {}) } satisfies BodyOf<'startCase'>);
  }

  form(key: string, process?: string, version?: number) {
    return this.request<FormResource>('GET', `/api/forms/${encodeURIComponent(key)}`, undefined, { process, version });
  }
  definitions(key?: string) { return this.request<Definition[]>('GET', '/api/definitions', undefined, { key }); }
  /** The processes the caller may start a case in (their county's; every county's for a user of every unit). */
  startableDefinitions() { return this.request<Definition[]>('GET', '/api/definitions', undefined, { startable: 'true' }); }
  /** One deployed definition with its BPMN XML and start form key (the case view's diagram, the intake form). */
  definition(id: string) {
    return this.request<DefinitionDetail>('GET', `/api/definitions/${encodeURIComponent(id)}`);
  }

  packs() { return this.request<PackDeployment[]>('GET', '/api/packs'); }
  packVersions(id: string) { return this.request<PackDeployment[]>('GET', `/api/packs/${encodeURIComponent(id)}/versions`); }
  /** 版本比较: what changed from one deployed version to another. */
  packDiff(id: string, query: QueryOf<'diffPackVersions'> = {}) { return this.request<PackDiff>('GET', `/api/packs/${encodeURIComponent(id)}/diff`, undefined, query); }
  /** The files of a deployed pack version (latest by default), to open it in the designer. */
  packFiles(id: string, version?: string) {
    return this.request<ResponseOf<'getPackFiles'>>('GET', `/api/packs/${encodeURIComponent(id)}/files`, undefined, { version });
  }
  deployPack(files: PackFiles) { return this.request<PackDeployment>('POST', '/api/packs', { files } satisfies BodyOf<'deployPack'>); }
  /** 试算影响: the pack as edited, not deployed, re-routes the past cases of [from, to). */
  whatIfPack(files: PackFiles, query: QueryOf<'whatIfPack'>) {
    return this.request<WhatIfReport>('POST', '/api/packs/whatif', { files } satisfies BodyOf<'whatIfPack'>, query);
  }

  /** The pack's drafts (shared by its editors), newest first, without their files. */
  packDrafts(packId: string) { return this.request<PackDraftSummary[]>('GET', `/api/packs/${encodeURIComponent(packId)}/drafts`); }
  packDraft(packId: string, draftId: string) {
    return this.request<PackDraft>('GET', `/api/packs/${encodeURIComponent(packId)}/drafts/${encodeURIComponent(draftId)}`);
  }
  createPackDraft(packId: string, body: BodyOf<'createPackDraft'>) {
    return this.request<PackDraft>('POST', `/api/packs/${encodeURIComponent(packId)}/drafts`, body);
  }
  /** Saves over the draft at `revision`; 409 DRAFT_CHANGED when someone saved in between. */
  savePackDraft(packId: string, draftId: string, body: BodyOf<'savePackDraft'>) {
    return this.request<PackDraft>('POST', `/api/packs/${encodeURIComponent(packId)}/drafts/${encodeURIComponent(draftId)}`, body);
  }
  /** What a saved draft changes against the deployed version (the 版本比较 of two versions). */
  packDraftDiff(packId: string, draftId: string) {
    return this.request<PackDiff>('GET', `/api/packs/${encodeURIComponent(packId)}/drafts/${encodeURIComponent(draftId)}/diff`);
  }
  /** What the editors' unsaved files change against the deployed version; nothing is saved. */
  packFilesDiff(packId: string, files: PackFiles) {
    return this.request<PackDiff>('POST', `/api/packs/${encodeURIComponent(packId)}/diff`, { files } satisfies BodyOf<'diffPackFiles'>);
  }
  deletePackDraft(packId: string, draftId: string) {
    return this.request<void>('DELETE', `/api/packs/${encodeURIComponent(packId)}/drafts/${encodeURIComponent(draftId)}`);
  }
  deployPackDraft(packId: string, draftId: string, body: BodyOf<'deployPackDraft'>) {
    return this.request<PackDeployment>('POST', `/api/packs/${encodeURIComponent(packId)}/drafts/${encodeURIComponent(draftId)}/deploy`, body);
  }

  /** 迁移: the processes with running cases on an older version, the plan (read-only), the migration. */
  migrationVersions() { return this.request<MigrationProcess[]>('GET', '/api/migrations/versions'); }
  migrationPlan(body: MigrationRequest) { return this.request<MigrationPlan>('POST', '/api/migrations/plan', body); }
  migrate(body: MigrationRequest) { return this.request<MigrationReport>('POST', '/api/migrations', body); }

  users() { return this.request<User[]>('GET', '/api/users'); }
  createUser(body: BodyOf<'createUser'>) { return this.request<User>('POST', '/api/users', body); }
  /** Disable / enable, move to another unit or departments, rename, change the role, reset the password. */
  updateUser(username: string, body: BodyOf<'updateUser'>) { return this.request<User>('POST', `/api/users/${encodeURIComponent(username)}`, body); }

  /** Uploads one file: to a case, or staged until the form that references it is submitted. */
  uploadAttachment(file: Blob, name: string, caseId?: string) {
    const body = new FormData();
    body.append('file', file, name);
    return this.request<Attachment>('POST', '/api/attachments', body, { caseId });
  }
  caseAttachments(caseId: string) { return this.request<Attachment[]>('GET', `/api/cases/${encodeURIComponent(caseId)}/attachments`); }
  /** The bytes of an attachment (the token is a header, so a plain link cannot fetch it). */
  async attachmentBlob(id: string): Promise<Blob> {
    const token = this.options.getToken();
    const res = await (this.options.fetch ?? fetch)(`${this.options.baseUrl ?? ''}/api/attachments/${encodeURIComponent(id)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (!res.ok) {
      const err = ((await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined)?.error;
      if (res.status === 401) this.options.onUnauthorized?.();
      throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText);
    }
    return res.blob();
  }
}
