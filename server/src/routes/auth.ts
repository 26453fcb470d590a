// 登录 / 退出 / 当前用户 / 用户管理 / 组织架构.
import { ref } from '../api-schemas';
import type { OrgModel } from '@yizhan/rules';
import { ApiError, notFound, unauthorized } from '../http-errors';
import { LoginGuard, LoginRateLimited, type LoginLimit } from '../login-guard';
import { defineRoute, type RouteDef } from '../registry';
import { ROLES, type Role } from '../roles';
import { checkGrant } from '../scope';
import type { Services } from '../services';
import type { User } from '../users';

export type { LoginLimit } from '../login-guard';

export function userView(user: User, services: Services) {
  return {
    username: user.username, displayName: user.displayName, role: user.role, unit: user.unit,
    unitName: services.directory.unitName(user.unit), departments: user.departments, demo: user.demo,
    disabled: user.disabled,
  };
}

export function authRoutes(services: Services, loginLimit: LoginLimit): RouteDef[] {
  const guard = new LoginGuard(services.pool, services.clock, loginLimit);

  return [
    defineRoute<{ username: string; password: string }>({
      method: 'post', path: '/api/auth/login', operationId: 'login', tag: 'auth', summary: '登录，取得 Bearer 令牌',
      description: '令牌在 expiresAt 之后失效。只有失败的登录才计数，按账号和来源地址分别计数（成功登录不计数，并清零该账号的失败次数）；'
        + '超过免等待的次数（默认每账号 5 次、每地址 50 次）后，每再失败一次，下一次登录须等待的时间加倍（1 秒、2 秒、4 秒……最长 15 分钟）。'
        + '等待期间一律返回 429 RATE_LIMITED，消息「登录失败次数过多，请在 N 秒后重试」与 Retry-After 头给出需等待的秒数。',
      access: 'public',
      body: {
        type: 'object', additionalProperties: false, required: ['username', 'password'],
        properties: { username: { type: 'string', minLength: 1, maxLength: 100, title: '用户名' }, password: { type: 'string', minLength: 1, maxLength: 200, title: '密码' } },
      },
      success: { status: 200, description: '登录成功', schema: ref('Session') },
      errors: [401, 429],
      async handler({ body, req, res }) {
        const address = req.socket.remoteAddress ?? 'unknown';
        res.setHeader('ratelimit-policy', guard.policy());
        const user = await guard.attempt(body.username, async () => {
          try {
            await guard.check(body.username, address);
          } catch (err) {
            if (err instanceof LoginRateLimited) res.setHeader('retry-after', String(err.retryAfterSeconds));
            throw err;
          }
          const verified = await services.users.verifyPassword(body.username, body.password);
          if (!verified) {
            await guard.failed(body.username, address);
            throw unauthorized('用户名或密码错误');
          }
          await guard.succeeded(verified.username);
          return verified;
        });
        const session = await services.sessions.issue(user.username);
        return { token: session.token, expiresAt: session.expiresAt, user: userView(user, services) };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/auth/logout', operationId: 'logout', tag: 'auth', summary: '退出登录（令牌立即失效）',
      access: 'user', success: { status: 204, description: '已退出' },
      async handler({ req }) {
        const token = bearer(req.headers.authorization);
        if (token) await services.sessions.revoke(token);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/me', operationId: 'me', tag: 'auth', summary: '当前用户',
      access: 'user', success: { status: 200, description: '当前用户', schema: ref('User') },
      async handler({ user }) {
        return userView(user, services);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/users', operationId: 'listUsers', tag: 'users', summary: '用户列表（本辖区）',
      access: 'user:read', success: { status: 200, description: '用户', schema: { type: 'array', items: ref('User') } },
      async handler({ scope }) {
        const all = await services.users.list();
        const visible = scope.all ? all : all.filter((u) => u.unit !== null && scope.units.includes(u.unit));
        return visible.map((u) => userView(u, services));
      },
    }),
    defineRoute<{ username: string; displayName?: string; password: string; role: Role; unit?: string | null; departments?: string[] }>({
      method: 'post', path: '/api/users', operationId: 'createUser', tag: 'users', summary: '新建用户',
      description: '只能在自己的辖区内建用户，且只能授予辖区内单位的部门；unit 为 null（全部单位）仅限全辖区的管理员。',
      access: 'user:manage',
      body: {
        type: 'object', additionalProperties: false, required: ['username', 'password', 'role'],
        properties: {
          username: { type: 'string', pattern: '^[A-Za-z0-9._-]{2,50}$', title: '用户名' },
          displayName: { type: 'string', minLength: 1, maxLength: 50, title: '姓名' },
          password: { type: 'string', minLength: 8, maxLength: 200, title: '密码' },
          role: { type: 'string', enum: [...ROLES], title: '角色' },
          unit: { type: ['string', 'null'], title: '所属单位编码' },
          departments: { type: 'array', items: { type: 'string' }, maxItems: 20, title: '所属部门编码' },
        },
      },
      success: { status: 201, description: '已创建', schema: ref('User') },
      errors: [409],
      async handler({ body, scope }) {
        const unit = body.unit ?? null;
        if (unit !== null && !services.directory.org.hasUnit(unit)) {
          throw new ApiError('VALIDATION_FAILED', '单位不存在', [{ field: '/unit', message: `单位编码「${unit}」不存在` }]);
        }
        const unknown = (body.departments ?? []).filter((d) => !services.directory.department(d));
        if (unknown.length) {
          throw new ApiError('VALIDATION_FAILED', '部门不存在', unknown.map((d) => ({ field: '/departments', message: `部门编码「${d}」不存在` })));
        }
        checkGrant(scope, { unit, departments: body.departments ?? [] }, services.directory);
        const user = await services.users.create({ ...body, unit });
        return userView(user, services);
      },
    }),
    defineRoute<{ displayName?: string; role?: Role; unit?: string | null; departments?: string[]; disabled?: boolean; password?: string }>({
      method: 'post', path: '/api/users/:username', operationId: 'updateUser', tag: 'users', summary: '修改用户（停用 / 启用、调动单位与部门、角色、姓名、重设密码）',
      description: '只改给出的字段。只能修改本辖区内的用户（辖区外的用户返回 404 USER_NOT_FOUND），且调入的单位与部门须在本辖区内；'
        + '不能停用自己或改变自己的角色与单位（422 USER_SELF_CHANGE）。停用、重设密码、调动单位或改变角色后，该用户须重新登录。',
      access: 'user:manage', pathParams: { username: '用户名' },
      body: {
        type: 'object', additionalProperties: false, minProperties: 1,
        properties: {
          displayName: { type: 'string', minLength: 1, maxLength: 50, title: '姓名' },
          role: { type: 'string', enum: [...ROLES], title: '角色' },
          unit: { type: ['string', 'null'], title: '所属单位编码' },
          departments: { type: 'array', items: { type: 'string' }, maxItems: 20, title: '所属部门编码' },
          disabled: { type: 'boolean', title: '停用' },
          password: { type: 'string', minLength: 8, maxLength: 200, title: '新密码' },
        },
      },
      success: { status: 200, description: '已修改', schema: ref('User') },
      errors: [404, 422],
      async handler({ params, body, user, scope }) {
        const target = await services.users.get(params.username);
        const visible = target && (scope.all || (target.unit !== null && scope.units.includes(target.unit)));
        if (!target || !visible) throw notFound('USER_NOT_FOUND', `用户不存在或不在您的辖区内：${params.username}`);
        if (target.username === user.username) {
          const self: string[] = [];
          if (body.disabled === true) self.push('/disabled');
          if (body.role !== undefined && body.role !== target.role) self.push('/role');
          if (body.unit !== undefined && body.unit !== target.unit) self.push('/unit');
          if (self.length) {
            throw new ApiError('USER_SELF_CHANGE', '不能停用自己，也不能改变自己的角色或单位；请由另一位管理员操作', self.map((field) => ({ field, message: '不能修改自己的此项' })));
          }
        }
        const unit = body.unit !== undefined ? body.unit : target.unit;
        // moved to another unit without departments named: the old unit's departments do not go along
        const moved = body.unit !== undefined && body.unit !== target.unit;
        const departments = body.departments ?? (moved ? [] : target.departments);
        if (unit !== null && !services.directory.org.hasUnit(unit)) {
          throw new ApiError('VALIDATION_FAILED', '单位不存在', [{ field: '/unit', message: `单位编码「${unit}」不存在` }]);
        }
        const unknown = departments.filter((d) => !services.directory.department(d));
        if (unknown.length) {
          throw new ApiError('VALIDATION_FAILED', '部门不存在', unknown.map((d) => ({ field: '/departments', message: `部门编码「${d}」不存在` })));
        }
        checkGrant(scope, { unit, departments }, services.directory);
        const updated = await services.users.update(target.username, { ...body, departments: body.departments ?? (moved ? [] : undefined) });
        if (!updated) throw notFound('USER_NOT_FOUND', `用户不存在：${params.username}`);
        return userView(updated, services);
      },
    }),
    defineRoute<unknown, { process?: string }>({
      method: 'get', path: '/api/org', operationId: 'getOrg', tag: 'org', summary: '组织架构（单位树与部门，合并自已部署的流程包）',
      description: 'process=流程标识 时只返回该流程所在县（其流程包）的组织架构，用于受理与转办时选择单位和部门。',
      access: 'org:read',
      query: [{ name: 'process', schema: { type: 'string', maxLength: 200 }, description: '流程标识' }],
      success: { status: 200, description: '组织架构', schema: ref('OrgModel') },
      errors: [404],
      async handler({ query }) {
        if (!query.process) return services.directory.model();
        const versions = await services.engine.definitions.list(query.process);
        if (!versions.length) throw notFound('DEFINITION_NOT_FOUND', `流程定义不存在：${query.process}`);
        const def = await services.engine.definitions.byIdOrThrow(versions[0].id);
        const org = def.org as OrgModel | null;
        return org && Array.isArray(org.units) && org.units.length ? { units: org.units, departments: org.departments ?? [] } : services.directory.model();
      },
    }),
  ];
}

export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}
