// Decision fields (a rule's event params or the rule set's defaults): departments, level, lead
// unit, joint, case class, time limit, and any other field as text/JSON.
import type { DecisionParams, OrgModel } from '@yizhan/rules';
import { Button, Input, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { DECISION_FIELD_LABEL, DECISION_VALUE_LABEL } from '@yizhan/packs/wording';
import { textToValue, valueToText } from './value-text';

const LEVELS = [{ value: 'county', label: '县级' }, { value: 'township', label: '乡镇' }, { value: 'village', label: '村（社区）' }, { value: 'grid', label: '网格' }];
const CLASSES = [{ value: 'general', label: '一般' }, { value: 'larger', label: '较大' }, { value: 'major', label: '重大疑难' }];
/** The decision fields offered to add; any field already set shows with its words (DECISION_FIELD_LABEL). */
const KNOWN: Record<string, string> = { departments: '办理部门', level: '层级', leadUnit: '牵头单位', joint: '联合调解', caseClass: '案件等级', dueIn: '时限' };
const labelOf = (k: string) => KNOWN[k] ?? DECISION_FIELD_LABEL[k];

function TextValue({ value, onChange }: { value: unknown; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(() => valueToText(value));
  return <Input size="small" style={{ width: 320 }} value={text} onChange={(e) => { setText(e.target.value); onChange(textToValue(e.target.value)); }} />;
}

function FieldValue({ field, value, org, onChange }: { field: string; value: unknown; org: OrgModel; onChange: (v: unknown) => void }) {
  const depts = org.departments.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }));
  if (field === 'departments' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return <Select size="small" mode="multiple" style={{ minWidth: 320 }} value={value} onChange={onChange} options={depts} showSearch={{ optionFilterProp: 'label' }} data-testid="decision-departments" />;
  }
  if (field === 'leadUnit' && typeof value === 'string') return <Select size="small" style={{ minWidth: 240 }} value={value} onChange={onChange} options={depts} showSearch={{ optionFilterProp: 'label' }} />;
  if (field === 'level') return <Select size="small" style={{ width: 140 }} value={value as string} onChange={onChange} options={LEVELS} />;
  if (field === 'caseClass') return <Select size="small" style={{ width: 140 }} value={value as string} onChange={onChange} options={CLASSES} />;
  const coded = DECISION_VALUE_LABEL[field];
  if (coded && field !== 'level' && field !== 'caseClass' && typeof value === 'string') {
    const options = Object.entries(coded).map(([v, l]) => ({ value: v, label: `${l}（${v}）` }));
    if (!coded[value]) options.push({ value, label: value });
    return <Select size="small" style={{ minWidth: 220 }} value={value} onChange={onChange} options={options} />;
  }
  if (field === 'feedbackTo' && typeof value === 'string') return <Select size="small" style={{ minWidth: 240 }} value={value} onChange={onChange} options={depts} showSearch={{ optionFilterProp: 'label' }} />;
  if (typeof value === 'boolean') return <Switch size="small" checked={value} onChange={onChange} />;
  return <TextValue value={value} onChange={onChange} />;
}

export function DecisionEditor({ value, onChange, org }: { value: DecisionParams; onChange: (p: DecisionParams) => void; org: OrgModel }) {
  const [newKey, setNewKey] = useState<string>();
  const set = (k: string, v: unknown) => onChange({ ...value, [k]: v });
  const remove = (k: string) => {
    const { [k]: _gone, ...rest } = value;
    onChange(rest);
  };
  const initial = (k: string): unknown => (k === 'departments' ? [] : k === 'joint' ? true : k === 'level' ? 'county' : k === 'caseClass' ? 'general' : k === 'dueIn' ? 'P7D' : '');
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="decision-editor">
      {Object.entries(value).map(([k, v]) => (
        <Space key={k} size={6} wrap>
          <span style={{ display: 'inline-block', width: 130 }} title={k}>{labelOf(k) ?? k}</span>
          <FieldValue field={k} value={v} org={org} onChange={(nv) => set(k, nv)} />
          <Button size="small" type="text" onClick={() => remove(k)}>×</Button>
        </Space>
      ))}
      <Space size={6}>
        <Select size="small" style={{ width: 180 }} placeholder="添加决定字段" value={newKey} onChange={setNewKey}
          options={Object.entries(KNOWN).filter(([k]) => !(k in value)).map(([k, l]) => ({ value: k, label: `${l}（${k}）` }))} data-testid="decision-add-field" />
        <Button size="small" disabled={!newKey} onClick={() => { if (newKey) { set(newKey, initial(newKey)); setNewKey(undefined); } }} data-testid="decision-add">添加</Button>
      </Space>
    </Space>
  );
}
