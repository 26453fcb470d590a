// 流程版本迁移: moving running cases of a process from an older version to a later one. Who
// deploys packs (`pack:deploy`) plans (read-only) and runs it, only for a process of a pack of
// their county and only for the cases they see; every case moves in its own transaction under its
// lock, or is refused with a stable code and a reason and keeps running on its version.
import type { MigrationRequest } from '@yizhan/engine';
import { ref } from '../api-schemas';
import { defineRoute, type JsonSchema, type RouteDef } from '../registry';
import { readScope, type Scope } from '../scope';
import type { Services } from '../services';

interface MigrationBody {
  processKey: string;
  fromVersion: number;
  toVersion: number;
  mapping?: Record<string, string>;
  caseIds?: string[];
}

/** Cases one request may name. */
export const MIGRATION_MAX_CASE_IDS = 5000;

const body: JsonSchema = {
  type: 'object', additionalProperties: false, required: ['processKey', 'fromVersion', 'toVersion'],
  properties: {
    processKey: { type: 'string', minLength: 1, maxLength: 200, title: '流程键（如 longxi/dispute）' },
    fromVersion: { type: 'integer', minimum: 1, title: '源版本' },
    toVersion: { type: 'integer', minimum: 1, title: '目标版本（须晚于源版本）' },
    mapping: {
      type: 'object', maxProperties: 1000, title: '元素映射：源元素 id → 目标元素 id（覆盖自动建议）',
      additionalProperties: { type: 'string', minLength: 1, maxLength: 200 },
    },
    caseIds: {
      type: 'array', maxItems: MIGRATION_MAX_CASE_IDS, title: '只迁移这些案件（缺省：源版本上本辖区内的全部在办案件）',
      items: { type: 'string', maxLength: 64 },
    },
  },
};

export function migrationRoutes(services: Services): RouteDef[] {
  /** The request for the engine, once the caller may migrate this process (a pack of their county). */
  const request = async (b: MigrationBody, scope: Scope): Promise<MigrationRequest> => {
    const packId = b.processKey.split('/')[0];
    await services.packs.checkPackScope(packId, scope);
    return { processKey: b.processKey, fromVersion: b.fromVersion, toVersion: b.toVersion, mapping: b.mapping, caseIds: b.caseIds, scope: readScope(scope) };
  };
  return [
    defineRoute({
      method: 'get', path: '/api/migrations/versions', operationId: 'migrationVersions', tag: 'packs', summary: '流程版本迁移：有在办案件停留在旧版本的流程',
      description: '本辖区内仍有在办案件（办理中或有异常）运行在非最新版本上的流程，及各旧版本上的在办案件数。',
      access: 'pack:deploy',
      success: { status: 200, description: '流程及其旧版本', schema: { type: 'array', items: ref('MigrationVersions') } },
      async handler({ scope }) {
        return services.engine.migrationVersions(readScope(scope));
      },
    }),
    defineRoute<MigrationBody>({
      method: 'post', path: '/api/migrations/plan', operationId: 'planMigration', tag: 'packs', summary: '流程版本迁移：预检（只读）',
      description: '列出源版本上本辖区内在办案件的等待位置、元素映射（目标版本中 id 与类型相同的元素自动建议，mapping 覆盖建议）和逐案能否迁移及原因。'
        + '不改变任何数据。映射到不存在或不能等待的元素、类型不同的元素，或目标版本不晚于源版本：422 MIGRATION_INVALID（details 中有元素 id）；'
        + '未知的流程或版本：404 DEFINITION_NOT_FOUND；不属于本辖区的流程包：403。',
      access: 'pack:deploy', body,
      success: { status: 200, description: '迁移预检结果（逐案最多 500 条）', schema: ref('MigrationPlan') },
      errors: [404, 422],
      async handler({ body: b, scope }) {
        return services.engine.planMigration(await request(b, scope));
      },
    }),
    defineRoute<MigrationBody>({
      method: 'post', path: '/api/migrations', operationId: 'runMigration', tag: 'packs', summary: '流程版本迁移：执行',
      description: '请求体同预检。逐案在各自的事务中持案件锁重新检查后迁移，并记入案件历史（migrated：源 / 目标版本、所用映射、操作人）；'
        + '不能迁移的案件不做任何改变，继续按原版本办理，并给出原因代码：MIGRATION_UNMAPPED_ELEMENT（等待处在新版本中没有对应元素）、'
        + 'MIGRATION_FORM_INCOMPATIBLE（待办在新版本的表单要求案件数据中没有的字段）、MIGRATION_CASE_CHANGED（预检后案件已结束或已不在源版本）、'
        + 'MIGRATION_NOT_RUNNING（案件不在办理中：已结束、有异常或已中止）、MIGRATION_UNSUPPORTED_ELEMENT（在调用的流程或多实例子流程内等待；内嵌子流程及其内部等待的元素按映射迁移）、'
        + 'MIGRATION_MAPPING_CONFLICT（案件同时等待的两处映射到同一元素）、MIGRATION_FAILED（在新版本上恢复失败）、CASE_NOT_FOUND（指定的案件不存在或不在本辖区）。',
      access: 'pack:deploy', body,
      success: { status: 200, description: '逐案迁移结果', schema: ref('MigrationResult') },
      errors: [404, 422],
      async handler({ body: b, scope, user }) {
        return services.engine.migrateCases({ ...(await request(b, scope)), actor: user.username });
      },
    }),
  ];
}
