// 消息与信号：外部系统或办理人员把 BPMN 消息（如「撤回」）送达等待它的案件，把信号广播给本辖区内所有等待它的案件.
import { ref } from '../api-schemas';
import { defineRoute, type RouteDef } from '../registry';
import type { Services } from '../services';
import { caseAccess } from './case-access';


const name = { type: 'string', minLength: 1, maxLength: 200 } as const;
const payload = { type: 'object', title: '消息内容（按消息声明的表单校验，并入案件数据）' } as const;

export function messageRoutes(services: Services): RouteDef[] {
  const { checkVisible, shown: view } = caseAccess(services);

  return [
    defineRoute({
      method: 'get', path: '/api/cases/:id/messages', operationId: 'listWaitingMessages', tag: 'messages', summary: '案件正在等待的消息',
      description: '案件当前可以接收的 BPMN 消息（中间捕获事件、边界事件等）：消息名、元素 id、显示名及消息内容须符合的表单。',
      access: 'case:message', pathParams: { id: '案件 id' },
      success: { status: 200, description: '等待中的消息', schema: { type: 'array', items: ref('WaitingMessage') } },
      errors: [404],
      async handler({ params, scope }) {
        await checkVisible(scope, params.id);
        return services.engine.waitingMessages(params.id);
      },
    }),
    defineRoute<{ name: string; payload?: Record<string, unknown> }>({
      method: 'post', path: '/api/cases/:id/messages', operationId: 'sendMessage', tag: 'messages', summary: '向案件发送消息（如「撤回」）',
      description: '把名为 name 的 BPMN 消息送达等待它的案件，流程随即继续；payload 按消息声明的表单校验（不合格返回 400），'
        + '记入 outputs[元素 id] 并并入案件数据，办理时间线记下发送人。案件没有在等待该消息时返回 409 NOT_WAITING，案件不变。'
        + '带 Idempotency-Key 头时，同一用户以同一键重发同一请求只返回第一次的结果。',
      access: 'case:message', pathParams: { id: '案件 id' }, idempotent: true,
      body: {
        type: 'object', additionalProperties: false, required: ['name'],
        properties: { name: { ...name, title: '消息名（BPMN message 的 name）' }, payload },
      },
      success: { status: 200, description: '送达后的案件', schema: ref('Case') },
      errors: [404, 409, 422],
      async handler({ params, body, scope, user }) {
        await checkVisible(scope, params.id);
        return view(scope, await services.engine.correlateMessage(params.id, body.name, body.payload ?? {}, user.username));
      },
    }),
    defineRoute<{ name: string; payload?: Record<string, unknown>; processes?: string[] }>({
      method: 'post', path: '/api/signals', operationId: 'broadcastSignal', tag: 'messages', summary: '广播信号（本辖区内所有等待它的案件）',
      description: '把名为 name 的 BPMN 信号送达您辖区内所有正在等待它的案件，每个案件单独提交；返回送达的案件和未能送达的案件（如内容不符合表单）。'
        + '可用 processes 限定流程标识。',
      access: 'signal:send', idempotent: true,
      body: {
        type: 'object', additionalProperties: false, required: ['name'],
        properties: {
          name: { ...name, title: '信号名（BPMN signal 的 name）' },
          payload,
          processes: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 200 }, title: '只送达这些流程的案件' },
        },
      },
      success: { status: 200, description: '送达结果', schema: ref('SignalResult') },
      async handler({ body, scope, user }) {
        return services.engine.broadcastSignal(body.name, body.payload ?? {}, user.username, {
          processes: body.processes?.length ? body.processes : undefined,
          includes: (caseId) => services.queries.caseVisible(scope, caseId),
        });
      },
    }),
  ];
}
