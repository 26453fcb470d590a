// 当事人评价（一事一评价，无需登录）与公示分页. A clerk issues a one-time rating link for a case in
// scope; the public endpoints — unauthenticated — are capped per client address (public-limits.ts),
// read bodies of at most 16 kB, and answer nothing beyond the case number, its masked title and
// the handling unit: errors from the engine are answered with their code and a fixed message.
import type { Request, Response } from 'express';
import { YizhanError, type ErrorCode } from '@yizhan/errors';
import { actsOnFormsOf, type Satisfaction } from '@yizhan/packs';
import { ref } from '../api-schemas';
import { RATING_VALUES } from '../citizen-ratings';
import { ApiError, forbidden, notFound } from '../http-errors';
import { clientAddress, PublicRateLimited } from '../public-limits';
import { defineRoute, result, type RouteDef } from '../registry';
import type { Services } from '../services';
import { caseAccess } from './case-access';

/** The longest credential looked at (a token is 43 characters, a code 10 or 11 with its dash). */
const MAX_CREDENTIAL = 64;

/** What a public caller is told of an error: its code and a fixed message, never ids or details. */
const PUBLIC_MESSAGES: Partial<Record<ErrorCode, string>> = {
  CASE_ALREADY_RATED: '该案件已评价，每个案件只能评价一次，谢谢您的参与',
  TASK_ALREADY_COMPLETED: '该案件已评价，每个案件只能评价一次，谢谢您的参与',
  TASK_NOT_OPEN: '该案件已评价，每个案件只能评价一次，谢谢您的参与',
  CASE_NOT_ACTIVE: '该案件当前不能评价，请联系办理单位',
};
/** Codes passed on as they are (their messages name nothing of a case). */
const PASSED = new Set<ErrorCode>(['RATING_LINK_NOT_FOUND', 'RATING_LINK_EXPIRED', 'RATE_LIMITED', 'VALIDATION_FAILED', 'BAD_REQUEST']);

export function ratingRoutes(services: Services): RouteDef[] {
  const { checkVisible } = caseAccess(services);
  const { ratings, publicLimiter } = services;

  /** Runs a public handler: the caller's address counted first, errors told without details. */
  const publicCall = async <T>(req: Request, res: Response, work: (address: string) => Promise<T>): Promise<T> => {
    const address = clientAddress(req);
    try {
      await publicLimiter.request(address);
      return await work(address);
    } catch (err) {
      if (err instanceof PublicRateLimited) res.setHeader('retry-after', String(err.retryAfterSeconds));
      if (!(err instanceof YizhanError) || PASSED.has(err.code)) throw err;
      const message = PUBLIC_MESSAGES[err.code];
      if (message) throw new ApiError(err.code === 'CASE_NOT_ACTIVE' ? 'CASE_NOT_ACTIVE' : 'CASE_ALREADY_RATED', message);
      if (err.code === 'FORM_INVALID') throw new ApiError('VALIDATION_FAILED', '评价内容有误，请检查后重试');
      services.logger.error({ err }, 'public rating failed');
      throw new ApiError('INTERNAL', '服务暂时不可用，请稍后重试');
    }
  };
  const credential = (value: string) => {
    if (!value || value.length > MAX_CREDENTIAL) throw notFound('RATING_LINK_NOT_FOUND', '评价链接或评价码无效，请核对后重试');
    return value;
  };

  return [
    defineRoute({
      method: 'post', path: '/api/cases/:id/rating-link', operationId: 'issueRatingLink', tag: 'cases', summary: '生成当事人评价链接与评价码',
      description: '案件处于评价环节（有待办的评价任务），或已办结而尚无评价（如转诉讼）时，为当事人生成一次性的评价链接（含 256 位随机令牌）'
        + '与 10 位评价码，30 天内有效，打印在回执上或由工作人员以短信发送。链接与评价码只在此返回一次，服务器只保存其 SHA-256。'
        + '可多次生成；任一链接评价后，该案件的其他链接一并失效（每案只评价一次）。已评价 409 CASE_ALREADY_RATED；未到评价环节 409 CASE_NOT_ACTIVE。',
      access: 'task:act', pathParams: { id: '案件 id' }, bodyOptional: true,
      success: { status: 201, description: '评价链接（令牌、评价码、有效期）', schema: ref('RatingLink') },
      errors: [404, 409],
      async handler({ params, scope, user }) {
        // a role that acts only on some steps (a leader: 督办) does not hand out rating links
        if (actsOnFormsOf(user.role)) throw forbidden('无权限：评价链接由办理案件的工作人员生成');
        const id = await checkVisible(scope, params.id);
        const link = await ratings.issue(id, user.username);
        return result(201, { ...link, path: `/rate/${link.token}` });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/public/ratings/:credential', operationId: 'getRatingLink', tag: 'public', summary: '当事人评价：查看评价链接（无需登录）',
      description: '凭评价链接中的令牌或打印的评价码查看待评价的案件：只返回案件编号、脱敏的标题和办理单位。'
        + '评价码输错按来源地址计数（每小时 20 次，所有来源合计 2000 次），超出 429 RATE_LIMITED；每个地址每分钟最多 120 次请求。'
        + '无效 404 RATING_LINK_NOT_FOUND，过期 410 RATING_LINK_EXPIRED。',
      access: 'public', pathParams: { credential: '评价链接中的令牌（43 位）或评价码（如 7K2QF-9XM3D，不区分大小写）' },
      success: { status: 200, description: '待评价的案件（脱敏）', schema: ref('RatingLinkView') },
      errors: [404, 410, 429],
      async handler({ params, req, res }) {
        return publicCall(req, res, (address) => ratings.view(credential(params.credential), address));
      },
    }),
    defineRoute<{ satisfaction: Satisfaction; comment?: string }>({
      method: 'post', path: '/api/public/ratings/:credential', operationId: 'submitRating', tag: 'public', summary: '当事人评价：提交评价（无需登录）',
      description: '满意 / 基本满意 / 不满意，可附意见（500 字以内）。案件在评价环节时即完成评价任务（不满意按流程包的规则重新办理）；'
        + '已办结的案件记为该案的评价。计入满意率，写入案件历史（办理人 citizen）。每案只评价一次：再次提交 409 CASE_ALREADY_RATED。',
      access: 'public', pathParams: { credential: '评价链接中的令牌或评价码' },
      body: {
        type: 'object', additionalProperties: false, required: ['satisfaction'],
        properties: {
          satisfaction: { type: 'string', enum: [...RATING_VALUES], title: '满意度：satisfied 满意、basic 基本满意、dissatisfied 不满意' },
          comment: { type: 'string', maxLength: 500, title: '评价意见' },
        },
      },
      success: { status: 201, description: '已评价', schema: ref('RatingResult') },
      errors: [404, 409, 410, 429],
      async handler({ params, body, req, res }) {
        const rated = await publicCall(req, res, (address) => ratings.rate(credential(params.credential), body, address));
        return result(201, rated);
      },
    }),
    defineRoute<unknown, { limit?: number; offset?: number }>({
      method: 'get', path: '/api/public/case-page', operationId: 'listPublicCasePage', tag: 'public', summary: '公示：已办结案件的一页与总数（脱敏，无需登录）',
      description: '与 /api/public/cases 相同的公示内容，附总数，供分页。受理时的原始描述从不公示：有「公示摘要」的流程包（publication 表单的 summary，'
        + '由工作人员撰写）显示摘要，没有的只显示类型等代码字段与脱敏字段。每个地址每分钟最多 120 次请求。',
      access: 'public',
      query: [
        { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 }, description: '条数' },
        { name: 'offset', schema: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 }, description: '偏移' },
      ],
      success: { status: 200, description: '公示的一页', schema: ref('PublicCasePage') },
      errors: [429],
      async handler({ query, req, res }) {
        return publicCall(req, res, () => services.publicCases.page({ limit: query.limit ?? 20, offset: query.offset ?? 0 }));
      },
    }),
  ];
}
