// 表单设计器: the field list (add / reorder / edit), the form JSON checked as you type by the
// forms package (the same checks a deploy makes), and a live preview rendered by CaseForm — the
// component staff fill in.
import { FormDefinitionInvalidError, loadFormDefinition, type FormDefinition } from '@yizhan/forms';
import { CaseForm } from '@yizhan/forms/react';
import { Alert, Button, Card, Checkbox, Col, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { OrgModel } from '../api/types';
import { FIELD_KINDS, freshKey, keyProblem, listFields, moveField, putField, removeField, type FieldSpec } from './field-model';

export interface FormDesignerProps {
  text: string;
  onChange: (text: string) => void;
  org?: OrgModel;
  /** Problems from the server's deploy check, pointers into this file. */
  problems?: { pointer?: string; message: string }[];
}

function check(text: string): { def?: FormDefinition; problems: { pointer?: string; message: string }[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problems: [{ message: `JSON 格式错误：${e instanceof Error ? e.message : String(e)}` }] };
  }
  try {
    return { def: loadFormDefinition(json), problems: [] };
  } catch (e) {
    if (e instanceof FormDefinitionInvalidError) return { problems: e.details };
    return { problems: [{ message: e instanceof Error ? e.message : String(e) }] };
  }
}

function FieldEditor({ spec, onSave, onCancel, taken }: { spec: FieldSpec; onSave: (s: FieldSpec) => void; onCancel: () => void; taken: string[] }) {
  const [s, setS] = useState(spec);
  const keyIssue = keyProblem(s.key, taken, spec.key);
  const keyOk = !keyIssue;
  const optionsText = (s.options ?? []).map((o) => (o.label === o.value ? o.value : `${o.value}=${o.label}`)).join('\n');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="field-editor">
      <Input prefix="标题" value={s.title} onChange={(e) => setS({ ...s, title: e.target.value })} data-testid="field-title" />
      <Input prefix="标识" value={s.key} status={keyOk ? undefined : 'error'} onChange={(e) => setS({ ...s, key: e.target.value.trim() })} data-testid="field-key" />
      {keyIssue && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="field-key-problem">
          {keyIssue.message}
          {keyIssue.suggestion && <> 可改用 <a onClick={() => setS({ ...s, key: keyIssue.suggestion ?? s.key })} data-testid="field-key-suggestion">{keyIssue.suggestion}</a>。</>}
        </Typography.Text>
      )}
      <Select style={{ width: '100%' }} value={s.kind === 'other' ? undefined : s.kind} placeholder="类型" onChange={(kind) => setS({ ...s, kind })}
        options={FIELD_KINDS.map((k) => ({ value: k.kind, label: k.label }))} data-testid="field-kind" />
      {s.kind === 'choice' && (
        <Input.TextArea rows={4} placeholder="每行一个：值=显示名" defaultValue={optionsText}
          onChange={(e) => setS({ ...s, options: e.target.value.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => { const [v, ...rest] = l.split('='); return { value: v.trim(), label: (rest.join('=') || v).trim() }; }) })} />
      )}
      <Checkbox checked={s.required} onChange={(e) => setS({ ...s, required: e.target.checked })} data-testid="field-required">必填</Checkbox>
      <Space>
        <Button type="primary" size="small" disabled={!keyOk || !s.title} onClick={() => onSave(s)} data-testid="field-save">确定</Button>
        <Button size="small" onClick={onCancel}>取消</Button>
      </Space>
    </Space>
  );
}

export function FormDesigner({ text, onChange, org, problems: external = [] }: FormDesignerProps) {
  const checked = useMemo(() => check(text), [text]);
  const [lastGood, setLastGood] = useState<FormDefinition | undefined>(checked.def);
  const def = checked.def ?? lastGood;
  if (checked.def && checked.def !== lastGood) setLastGood(checked.def);
  const [editing, setEditing] = useState<{ spec: FieldSpec; previousKey?: string }>();
  const fields = def ? listFields(def) : [];
  const write = (next: FormDefinition) => onChange(`${JSON.stringify(next, null, 2)}\n`);
  const problems = [...checked.problems, ...external];

  return (
    <Row gutter={16} data-testid="form-designer">
      <Col xs={24} lg={7}>
        <Card size="small" title="字段" extra={def && (
          <Button size="small" type="primary" onClick={() => setEditing({ spec: { key: freshKey(def), title: '新字段', kind: 'text', required: false } })} data-testid="add-field">+ 添加字段</Button>
        )}>
          {editing && def && (
            <Card size="small" style={{ marginBottom: 12, borderColor: '#1f5fbf' }}>
              <FieldEditor spec={editing.spec} taken={fields.map((f) => f.key)} onCancel={() => setEditing(undefined)}
                onSave={(s) => { write(putField(def, s, editing.previousKey)); setEditing(undefined); }} />
            </Card>
          )}
          <List
            size="small"
            dataSource={fields}
            renderItem={(f, i) => (
              <List.Item data-testid={`field-${f.key}`} actions={[
                <a key="up" onClick={() => def && i > 0 && write(moveField(def, f.key, -1))}>↑</a>,
                <a key="down" onClick={() => def && i < fields.length - 1 && write(moveField(def, f.key, 1))}>↓</a>,
                <a key="edit" onClick={() => setEditing({ spec: f, previousKey: f.key })}>编辑</a>,
                <a key="rm" onClick={() => def && write(removeField(def, f.key))}>删除</a>,
              ]}>
                <Space size={4} wrap>
                  <span>{f.title}</span>
                  {f.required && <Typography.Text type="danger">*</Typography.Text>}
                  <Tag>{FIELD_KINDS.find((k) => k.kind === f.kind)?.label ?? '其他'}</Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title="表单 JSON（schema + uiSchema）">
          {problems.length > 0 && (
            <Alert type="error" style={{ marginBottom: 8 }} data-testid="form-problems" title={`${problems.length} 个问题`}
              description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p, i) => <li key={i}>{p.pointer && <code>{p.pointer}</code>} {p.message}</li>)}</ul>} />
          )}
          <Input.TextArea rows={30} value={text} onChange={(e) => onChange(e.target.value)} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="form-json" />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" title="预览（与办理人员看到的相同）" data-testid="form-preview">
          {def ? <CaseForm key={text} definition={def} org={org} /> : <Typography.Text type="secondary">表单有误，无法预览</Typography.Text>}
        </Card>
      </Col>
    </Row>
  );
}
