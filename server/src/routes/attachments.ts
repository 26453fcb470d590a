// 附件：上传（到案件，或先上传、随受理 / 办理表单提交时归入案件）、列表、下载。案件可见才可见.
import { ref } from '../api-schemas';
import { acceptedTypesText, isInlineType, MAX_ATTACHMENT_BYTES } from '../attachments';
import { uploadedFile, singleFileUpload } from '../file-upload';
import { notFound } from '../http-errors';
import { defineRoute, result, type RouteDef } from '../registry';
import type { Services } from '../services';
import { caseAccess } from './case-access';

export function attachmentRoutes(services: Services, maxBytes = MAX_ATTACHMENT_BYTES): RouteDef[] {
  const attachmentNotFound = (id: string) => notFound('ATTACHMENT_NOT_FOUND', `附件不存在或不在您的辖区内：${id}`);
  const { checkVisible: visibleCaseId } = caseAccess(services);

  return [
    defineRoute<unknown, { caseId?: string }>({
      method: 'post', path: '/api/attachments', operationId: 'uploadAttachment', tag: 'cases', summary: '上传附件',
      description: `multipart/form-data，一个名为 file 的文件部分。带 caseId 时直接归入该案件（须在本人辖区内）；`
        + '不带时先暂存，随后在受理或办理表单中引用（{ id, name }）并提交时归入该案件，一天内未引用即删除。'
        + `单个文件不超过 ${maxBytes / 1024 / 1024} MB（超出 413）；文件类型按内容识别，不采信客户端声明（不接受的类型 415）。可上传：${acceptedTypesText()}。`
        + '文件名只用于显示；附件一经归入案件不可替换或删除。',
      access: 'attachment:upload',
      query: [{ name: 'caseId', schema: { type: 'string', format: 'uuid' }, description: '归入的案件' }],
      middleware: [singleFileUpload(maxBytes)],
      multipart: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
      success: { status: 201, description: '已上传', schema: ref('Attachment') },
      errors: [404, 413, 415],
      async handler({ query, scope, user, res }) {
        const caseId = query.caseId ? await visibleCaseId(scope, query.caseId) : null;
        const file = uploadedFile(res);
        return result(201, await services.attachments.add({ caseId, name: file.name, declaredType: file.declaredType, bytes: file.bytes, uploadedBy: user.username }));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/cases/:id/attachments', operationId: 'listCaseAttachments', tag: 'cases', summary: '案件的附件',
      access: 'case:read', pathParams: { id: '案件 id' },
      success: { status: 200, description: '附件（按上传时间）', schema: { type: 'array', items: ref('Attachment') } },
      errors: [404],
      async handler({ params, scope }) {
        return services.attachments.listForCase(await visibleCaseId(scope, params.id));
      },
    }),
    defineRoute<unknown, { inline?: boolean }>({
      method: 'get', path: '/api/attachments/:id', operationId: 'downloadAttachment', tag: 'cases', summary: '下载附件',
      description: '案件在本人辖区内（或本人暂存的附件）才可下载，否则 404。图片与 PDF 可 inline=true 在浏览器中查看。',
      access: 'case:read', pathParams: { id: '附件 id' },
      query: [{ name: 'inline', schema: { type: 'boolean' }, description: '在浏览器中查看（仅图片与 PDF）' }],
      success: { status: 200, description: '文件内容', content: { 'application/octet-stream': { type: 'string', format: 'binary' } } },
      errors: [404],
      async handler({ params, query, scope, user, res }) {
        const a = await services.attachments.get(params.id);
        const mine = a && a.caseId === null && a.uploadedBy === user.username;
        if (!a || (!mine && (a.caseId === null || !(await services.queries.caseVisible(scope, a.caseId))))) throw attachmentNotFound(params.id);
        const bytes = await services.attachments.content(a.id);
        const inline = query.inline === true && isInlineType(a.contentType);
        res.setHeader('content-type', a.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : a.contentType);
        res.setHeader('content-length', String(bytes.length));
        res.setHeader('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.name)}`);
        // never rendered as a page of ours, whatever it holds
        res.setHeader('content-security-policy', "default-src 'none'; sandbox");
        res.setHeader('cache-control', 'private, no-store');
        res.status(200).end(bytes);
        return undefined;
      },
    }),
  ];
}
