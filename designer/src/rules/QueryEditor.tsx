// One rule's conditions in react-querybuilder (antd controls), converted to and from our format.
import { QueryBuilderAntD } from '@react-querybuilder/antd';
import { CASE_FIELDS, DECORATORS, KIND_LABELS, LEVEL_LABELS, OPERATORS, ORG_FACTS, type OrgModel, type TopLevelCondition } from '@yizhan/rules';
import { Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { QueryBuilder, type Field, type RuleGroupTypeAny, type ValueEditorProps } from 'react-querybuilder';
import 'react-querybuilder/dist/query-builder.css';
import { CONDITION_FIELD, CONDITION_OPERATOR, fromQuery, toQuery, type QbGroup, type QbRule } from './query-converter';
import { textToValue, valueToText } from './value-text';

export interface QueryEditorProps {
  value: TopLevelCondition;
  onChange: (c: TopLevelCondition) => void;
  /** Names of the rule set's shared conditions. */
  sharedConditions: string[];
  /** Intake form fields (`data.<key>`), with labels. */
  dataFields?: { name: string; label: string }[];
  /** The pack's org: unit and department codes in conditions are picked (and shown) by name. */
  org?: OrgModel;
}

type Option = { value: string; label: string };

/** The kind of value a fact holds (unit, departments, …): `case.unit`, an org fact, or a form field. */
function factKind(field: string): string {
  if (field.startsWith('case.')) return CASE_FIELDS[field.slice(5)]?.kind ?? 'value';
  return (ORG_FACTS as Record<string, { kind: string } | undefined>)[field]?.kind ?? 'value';
}

/**
 * Named choices for a condition's value, when it is a code: units or departments of the org,
 * department kinds or unit levels; undefined for free values (numbers, types, text).
 */
export function codeChoices(field: string, operator: string, org: OrgModel | undefined): Option[] | undefined {
  const base = operator.split(':').at(-1) ?? operator;
  const valueKind = OPERATORS.find((o) => o.name === base)?.value;
  const kind = factKind(field);
  const named = (list: { code: string; name: string }[]) => list.map((x) => ({ value: x.code, label: `${x.name}（${x.code}）` }));
  if (valueKind === 'kinds') return Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
  if (valueKind === 'levels') return Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
  if (!org || (valueKind !== 'units' && valueKind !== 'any' && valueKind !== 'array')) return undefined;
  if (valueKind === 'units' || kind === 'unit' || kind === 'units') return named(org.units);
  if (kind === 'department' || kind === 'departments') return named(org.departments);
  return undefined;
}

function collectFields(q: QbGroup, into: Set<string>, operators: Set<string>) {
  for (const r of q.rules) {
    if ('rules' in r) collectFields(r as QbGroup, into, operators);
    else {
      const rule = r as QbRule;
      into.add(rule.field);
      operators.add(rule.operator);
      if (rule.valueSource === 'field') into.add(String(rule.value));
    }
  }
}

/** Edits a value as text (plain strings as typed, anything else as JSON) or picks a fact to compare with. */
function ValueEditor(props: ValueEditorProps) {
  const { value, handleOnChange, valueSource, field, schema, operator, context } = props;
  const [text, setText] = useState(() => valueToText(value));
  const choices = valueSource === 'field' ? undefined : codeChoices(field, operator, (context as { org?: OrgModel } | undefined)?.org);
  if (field === CONDITION_FIELD) {
    const names = (schema.fields as Field[]).find((f) => f.name === CONDITION_FIELD)?.values as { name: string; label: string }[] | undefined;
    return <Select size="small" style={{ minWidth: 160 }} value={value as string} onChange={handleOnChange} options={(names ?? []).map((n) => ({ value: n.name, label: n.label }))} />;
  }
  if (valueSource === 'field') {
    return <Select size="small" showSearch style={{ minWidth: 200 }} value={value as string} onChange={handleOnChange}
      options={(schema.fields as Field[]).filter((f) => f.name !== CONDITION_FIELD).map((f) => ({ value: f.name, label: f.label }))} />;
  }
  if (operator === 'exists' || operator === 'isEmpty' || operator === 'residentAtCentre') {
    return <Select size="small" style={{ width: 90 }} value={value === true ? 'true' : 'false'} onChange={(v) => handleOnChange(v === 'true')}
      options={[{ value: 'true', label: '是' }, { value: 'false', label: '否' }]} />;
  }
  if (choices && (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')))) {
    const base = operator.split(':').at(-1) ?? operator;
    const multiple = Array.isArray(value) || OPERATORS.find((o) => o.name === base)?.value === 'array';
    const current = (Array.isArray(value) ? value : value ? [value] : []) as string[];
    const options = [...choices, ...current.filter((c) => !choices.some((o) => o.value === c)).map((c) => ({ value: c, label: c }))];
    return (
      <Select size="small" style={{ minWidth: 240 }} mode={multiple ? 'multiple' : undefined} showSearch={{ optionFilterProp: 'label' }}
        value={multiple ? current : (value as string) || undefined} onChange={(v: string | string[]) => handleOnChange(v)} options={options}
        placeholder="请选择" data-testid="condition-choice" />
    );
  }
  return (
    <Input size="small" style={{ width: 240 }} value={text} data-testid="condition-value"
      onChange={(e) => { setText(e.target.value); handleOnChange(textToValue(e.target.value)); }} />
  );
}

export function QueryEditor({ value, onChange, sharedConditions, dataFields = [], org }: QueryEditorProps) {
  // The query is kept here (with querybuilder's ids); our condition is derived from it on change.
  const [query, setQuery] = useState<QbGroup>(() => toQuery(value));
  const fields = useMemo<Field[]>(() => {
    const list: Field[] = [
      ...Object.entries(CASE_FIELDS).map(([k, f]) => ({ name: `case.${k}`, label: `案件·${f.label}` })),
      ...dataFields.map((f) => ({ name: `data.${f.name}`, label: `表单·${f.label}` })),
      ...Object.entries(ORG_FACTS).map(([k, f]) => ({ name: k, label: f.label })),
    ];
    const seen = new Set(list.map((f) => f.name));
    const used = new Set<string>();
    collectFields(query, used, new Set());
    for (const u of used) if (u !== CONDITION_FIELD && !seen.has(u)) list.push({ name: u, label: u });
    list.push({
      name: CONDITION_FIELD, label: '共享条件',
      operators: [{ name: CONDITION_OPERATOR, label: '满足' }],
      values: sharedConditions.map((n) => ({ name: n, label: n })),
    } as Field);
    return list.map((f) => (f.name === CONDITION_FIELD ? f : { ...f, valueSources: ['value', 'field'] }));
  }, [dataFields, sharedConditions, query]);
  const operators = useMemo(() => {
    const ops = OPERATORS.map((o) => ({ name: o.name, label: `${o.label}（${o.name}）` }));
    const used = new Set<string>();
    collectFields(query, new Set(), used);
    for (const u of used) {
      if (u !== CONDITION_OPERATOR && !ops.some((o) => o.name === u)) {
        const parts = u.split(':');
        ops.push({ name: u, label: `${parts.slice(0, -1).map((d) => DECORATORS[d] ?? d).join('')}${OPERATORS.find((o) => o.name === parts.at(-1))?.label ?? ''}（${u}）` });
      }
    }
    return ops;
  }, [query]);

  return (
    <div className="yz-query" data-testid="query-editor">
      <QueryBuilderAntD controlElements={{ valueEditor: ValueEditor }}>
        <QueryBuilder
          fields={fields}
          operators={operators}
          context={{ org }}
          query={query}
          onQueryChange={(q: RuleGroupTypeAny) => { setQuery(q as QbGroup); onChange(fromQuery(q as QbGroup)); }}
          combinators={[{ name: 'and', label: '全部满足' }, { name: 'or', label: '任一满足' }]}
          showNotToggle
          getDefaultField={fields[0]?.name ?? 'case.type'}
          getDefaultOperator="equal"
          getDefaultValue={() => ''}
          translations={{
            addRule: { label: '+ 条件', title: '添加条件' },
            addGroup: { label: '+ 条件组', title: '添加条件组' },
            removeRule: { label: '×', title: '删除条件' },
            removeGroup: { label: '×', title: '删除条件组' },
            notToggle: { label: '并非', title: '取反' },
          }}
          controlClassnames={{ queryBuilder: 'queryBuilder-branches' }}
        />
      </QueryBuilderAntD>
    </div>
  );
}
