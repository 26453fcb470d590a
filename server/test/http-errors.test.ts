// The one error root: every package's domain errors are YizhanErrors, and the API answers each by
// its class's code through the one table — never by the shape of an unknown object.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { YizhanError } from '@yizhan/errors';
import { BpmnInvalidError, DatabaseOpenError, NotAssigneeError, NotFoundError, TaskAlreadyCompletedError, TaskClaimedError } from '@yizhan/engine';
import { FormDefinitionInvalidError, FormInvalidError, loadFormDefinition } from '@yizhan/forms';
import { PackFileError, PackInvalidError } from '@yizhan/packs';
import { loadRuleSet, RuleConflictError, RuleSetInvalidError } from '@yizhan/rules';
import { databaseTargets } from '../../engine/test/support/databases';
import { ERROR_STATUS, toErrorBody } from '../src/http-errors';

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
};

describe('one error root', () => {
  it('every package raises YizhanErrors: rules, forms, engine, packs', () => {
    const ruleSet = thrown(() => loadRuleSet({ hitPolicy: 'NOPE', rules: 5 }));
    const formDef = thrown(() => loadFormDefinition({ schema: 5 }));
    const errors = [
      ruleSet, new RuleConflictError([], '冲突'),
      formDef, new FormInvalidError([{ field: '/a', keyword: 'required', message: '必填' }]),
      new TaskClaimedError('wang'), new BpmnInvalidError([]),
      new PackInvalidError([]), new PackFileError('PACK_SYMLINK', 'x.json'),
    ];
    expect(ruleSet).toBeInstanceOf(RuleSetInvalidError);
    expect(formDef).toBeInstanceOf(FormDefinitionInvalidError);
    for (const e of errors) expect(e).toBeInstanceOf(YizhanError);
    expect(errors.map((e) => (e as YizhanError).code)).toEqual([
      'RULESET_INVALID', 'RULE_CONFLICT', 'FORM_DEFINITION_INVALID', 'FORM_INVALID', 'TASK_CLAIMED', 'BPMN_INVALID', 'PACK_INVALID', 'PACK_SYMLINK',
    ]);
  });

  it('answers each condition with its own code and status, details as they were', () => {
    expect(toErrorBody(new TaskClaimedError('wang'))).toEqual({
      status: 409,
      body: { error: { code: 'TASK_CLAIMED', message: '任务已由 wang 认领', details: [{ code: 'TASK_CLAIMED', message: '任务已由 wang 认领' }] } },
    });
    expect(toErrorBody(new NotAssigneeError('wang')).body.error.code).toBe('NOT_ASSIGNEE');
    expect(toErrorBody(new TaskAlreadyCompletedError('t1'))).toMatchObject({ status: 409, body: { error: { code: 'TASK_ALREADY_COMPLETED' } } });
    expect(toErrorBody(new NotFoundError('CASE', 'c1'))).toMatchObject({ status: 404, body: { error: { code: 'CASE_NOT_FOUND' } } });
    // the one FORM_INVALID class, from the forms package and as the engine raises it (with the form key)
    const fields = [{ field: '/mobile', code: 'format', message: '手机号格式不正确' }];
    expect(toErrorBody(new FormInvalidError(fields, 'intake'))).toEqual({
      status: 400, body: { error: { code: 'FORM_INVALID', message: '表单「intake」填写有误，共 1 处', details: fields } },
    });
    expect(toErrorBody(new RuleSetInvalidError([{ pointer: '/rules', code: 'X', message: '无效' }])).status).toBe(422);
    expect(toErrorBody(new PackInvalidError([{ file: 'pack.json', code: 'X', message: '无效' }])).status).toBe(422);
  });

  it('answers codes that are never an API answer, and look-alikes that are not ours, as INTERNAL', () => {
    const internal = { status: 500, body: { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试', details: [] } } };
    expect(toErrorBody(new DatabaseOpenError('DB_DISK_FULL', '磁盘已满'))).toEqual(internal);
    expect(toErrorBody(new RuleConflictError([], '冲突'))).toEqual(internal);
    // an object (or a foreign Error) with a familiar `code` is not one of ours: no duck typing
    expect(toErrorBody({ code: 'FORBIDDEN', message: '无权', details: [] })).toEqual(internal);
    expect(toErrorBody(Object.assign(new Error('x'), { code: 'TASK_CLAIMED' }))).toEqual(internal);
    expect(toErrorBody({ code: '22P02', message: 'invalid input syntax' })).toEqual(internal);
  });

  it('has a status for every code, and only the statuses the API documents', () => {
    expect(new Set(Object.values(ERROR_STATUS))).toEqual(new Set([400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 500]));
  });
});

describe.each(databaseTargets())('PostgreSQL data exceptions on $name PostgreSQL', (target) => {
  it('answers a real data exception (SQLSTATE class 22) as BAD_REQUEST', async () => {
    const client = new pg.Client({ connectionString: target.adminUrl });
    await client.connect();
    try {
      const err = await client.query('select $1::int', ['不是数字']).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(pg.DatabaseError);
      expect((err as pg.DatabaseError).code).toBe('22P02');
      expect(toErrorBody(err)).toEqual({ status: 400, body: { error: { code: 'BAD_REQUEST', message: '请求中含有数据库无法保存的值', details: [] } } });
    } finally {
      await client.end();
    }
  });
});
