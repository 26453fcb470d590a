// 用户与组织 (administrators): the org tree of the administrator's own scope (their unit's subtree;
// every county for an administrator of every unit) with the number of users in each unit, the users
// of the chosen unit and the units below it, and what an administrator does with them — add a user,
// disable / enable one (a disabled user is logged out at once), move one to another unit or other
// departments. The server checks every change against the administrator's scope
// (POST /api/users, POST /api/users/:username); its Chinese message is shown as it comes.
import { Alert, Button, Form, Input, Modal, Select, Space, Tag, Tree, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import type { OrgModel, Role, User } from '../api/types';
import { ErrorAlert } from '../app/common';
import { useI18n } from '../app/i18n';
import { ROLE_WORDS } from '../app/permissions';
import { SimpleTable } from '../app/SimpleTable';
import { PageTitle, Panel, useToast } from '../app/ui';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { useNarrow } from '../app/use-narrow';

type Unit = OrgModel['units'][number];
interface TreeNode { key: string; value: string; title: string; children?: TreeNode[] }

const ROLES: Role[] = ['staff', 'leader', 'auditor', 'admin', 'integrator'];

/** The units an administrator manages: their own unit's subtree, or every unit. */
function scopeRoots(org: OrgModel, unit: string | null | undefined): Unit[] {
  if (!unit) return org.units;
  const find = (units: Unit[]): Unit | undefined => {
    for (const u of units) {
      if (u.code === unit) return u;
      const hit = find(u.children ?? []);
      if (hit) return hit;
    }
    return undefined;
  };
  const mine = find(org.units);
  return mine ? [mine] : [];
}

function subtreeCodes(u: Unit): string[] {
  return [u.code, ...(u.children ?? []).flatMap(subtreeCodes)];
}

export default function UsersPage() {
  const { api, user: me, org, refreshOrg } = useSession();
  const { t, lang } = useI18n();
  const message = useToast();
  const narrow = useNarrow();
  const users = useLoad(() => api.users(), [api]);
  const roots = useMemo(() => scopeRoots(org, me?.unit), [org, me?.unit]);
  const [selected, setSelected] = useState<string>();
  const [editing, setEditing] = useState<{ kind: 'add' } | { kind: 'move'; user: User }>();
  const [error, setError] = useState<unknown>();

  const units = useMemo(() => {
    const map = new Map<string, Unit>();
    const walk = (u: Unit) => { map.set(u.code, u); (u.children ?? []).forEach(walk); };
    roots.forEach(walk);
    return map;
  }, [roots]);
  const unitName = (code: string | null) => (code ? units.get(code)?.name ?? code : t('allUnits'));
  const deptName = (code: string) => org.departments.find((d) => d.code === code)?.name ?? code;
  const count = (u: Unit) => {
    const codes = new Set(subtreeCodes(u));
    return (users.data ?? []).filter((x) => x.unit && codes.has(x.unit)).length;
  };
  const toTree = (u: Unit): TreeNode => ({
    key: u.code, value: u.code, title: `${u.name}（${t('usersCount', { n: count(u) })}）`,
    children: u.children?.length ? u.children.map(toTree) : undefined,
  });
  const plainTree = (u: Unit): TreeNode => ({ key: u.code, value: u.code, title: u.name, children: u.children?.length ? u.children.map(plainTree) : undefined });
  const shown = useMemo(() => {
    const all = users.data ?? [];
    if (!selected) return all;
    const root = units.get(selected);
    const codes = new Set(root ? subtreeCodes(root) : [selected]);
    return all.filter((u) => u.unit && codes.has(u.unit));
  }, [users.data, selected, units]);

  const change = async (u: User, body: Parameters<typeof api.updateUser>[1]) => {
    setError(undefined);
    try {
      await api.updateUser(u.username, body);
      message.success(t('userSaved'));
      users.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <PageTitle testId="users-title">{t('usersTitle')}</PageTitle>
        <Button type="primary" onClick={() => setEditing({ kind: 'add' })} data-testid="add-user">{t('addUser')}</Button>
      </Space>
      <ErrorAlert error={users.error ?? error} onRetry={users.reload} />
      <div style={{ display: 'flex', flexDirection: narrow ? 'column' : 'row', gap: 16, alignItems: 'flex-start' }}>
        <Panel title={t('orgTree')} style={{ width: narrow ? '100%' : 320, flex: 'none' }} testId="org-tree">
          <Tree
            treeData={roots.map(toTree)}
            // counties and their townships open; villages and grids on demand
            defaultExpandedKeys={roots.length === 1 ? [roots[0].code] : roots.map((r) => r.code)}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => setSelected(keys[0] === undefined ? undefined : String(keys[0]))}
          />
        </Panel>
        <Panel title={selected ? t('unitUsers', { unit: unitName(selected) }) : t('usersTitle')} style={{ flex: 1, minWidth: 0, width: narrow ? '100%' : undefined }} testId="users">
          <SimpleTable<User>
            rowKey={(u) => u.username}
            loading={users.loading}
            rows={shown}
            rowTestId={(u) => `user-row-${u.username}`}
            empty={t('noUsers')}
            columns={[
              { key: 'u', title: t('username'), render: (u) => <>{u.username}{u.username === me?.username ? t('selfHint') : ''}{u.demo && <Tag style={{ marginLeft: 6 }}>{t('demoAccount')}</Tag>}</> },
              { key: 'n', title: t('displayName'), render: (u) => u.displayName },
              { key: 'r', title: t('role'), render: (u) => ROLE_WORDS[u.role][lang] },
              { key: 'unit', title: t('userUnit'), render: (u) => u.unitName ?? unitName(u.unit) },
              { key: 'd', title: t('departments'), render: (u) => u.departments.map(deptName).join('、') || '—' },
              { key: 's', title: t('status'), render: (u) => (u.disabled ? <Tag color="red">{t('userDisabled')}</Tag> : <Tag color="green">{t('userActive')}</Tag>) },
              {
                key: 'a', title: t('actions'), render: (u) => u.username === me?.username ? null : (
                  <Space>
                    <Button size="small" onClick={() => setEditing({ kind: 'move', user: u })} data-testid="move-user">{t('moveUser')}</Button>
                    {u.disabled
                      ? <Button size="small" onClick={() => void change(u, { disabled: false })} data-testid="enable-user">{t('enableUser')}</Button>
                      : <Button size="small" danger onClick={() => { if (window.confirm(t('disableConfirm', { name: u.displayName }))) void change(u, { disabled: true }); }} data-testid="disable-user">{t('disableUser')}</Button>}
                  </Space>
                ),
              },
            ]}
          />
        </Panel>
      </div>
      {editing && (
        <UserModal
          key={editing.kind === 'move' ? editing.user.username : 'add'}
          editing={editing}
          tree={roots.map(plainTree)}
          org={org}
          allUnits={!me?.unit}
          defaultUnit={selected ?? me?.unit ?? undefined}
          onClose={() => setEditing(undefined)}
          onDone={(u, created) => {
            setEditing(undefined);
            message.success(created ? t('userCreated', { name: u.displayName }) : t('userSaved'));
            users.reload();
            void refreshOrg();
          }}
        />
      )}
    </Space>
  );
}

function UserModal({ editing, tree, org, allUnits, defaultUnit, onClose, onDone }: {
  editing: { kind: 'add' } | { kind: 'move'; user: User };
  tree: TreeNode[];
  org: OrgModel;
  /** The administrator manages every unit (may grant "all units"). */
  allUnits: boolean;
  defaultUnit?: string;
  onClose: () => void;
  onDone: (u: User, created: boolean) => void;
}) {
  const { api } = useSession();
  const { t, lang } = useI18n();
  const moving = editing.kind === 'move' ? editing.user : undefined;
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [unit, setUnit] = useState<string | undefined>(moving ? moving.unit ?? undefined : defaultUnit);
  const [departments, setDepartments] = useState<string[]>(moving?.departments ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const deptOptions = org.departments.filter((d) => d.unit === unit).map((d) => ({ value: d.code, label: d.name }));
  const valid = moving ? unit !== undefined || allUnits : /^[A-Za-z0-9._-]{2,50}$/.test(username) && password.length >= 8 && (unit !== undefined || allUnits);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const u = moving
        ? await api.updateUser(moving.username, { unit: unit ?? null, departments })
        : await api.createUser({ username, displayName: displayName.trim() || undefined, password, role, unit: unit ?? null, departments });
      onDone(u, !moving);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={moving ? t('moveUserTitle', { name: moving.displayName }) : t('addUser')}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ disabled: !valid, loading: busy, ...{ 'data-testid': 'user-save' } }}
      onCancel={onClose}
      onOk={() => void save()}
    >
      <Form layout="vertical">
        {!moving && (
          <>
            <Form.Item label={t('username')} required>
              <Input value={username} onChange={(e) => setUsername(e.target.value.trim())} autoComplete="off" data-testid="user-username" />
            </Form.Item>
            <Form.Item label={t('displayName')}>
              <Input value={displayName} onChange={(e) => setDisplayName(e.target.value)} data-testid="user-displayname" />
            </Form.Item>
            <Form.Item label={t('password')} required extra={t('passwordHint')}>
              <Input.Password value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" data-testid="user-password" />
            </Form.Item>
            <Form.Item label={t('role')} required>
              <Select value={role} onChange={setRole} options={ROLES.map((r) => ({ value: r, label: ROLE_WORDS[r][lang] }))} data-testid="user-role" />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('userUnit')} required={!allUnits}>
          <TreeSelect
            value={unit}
            onChange={(v: string | undefined) => { setUnit(v); setDepartments([]); }}
            treeData={tree}
            treeDefaultExpandAll
            // five counties' units down to the grids: typed, like the intake's unit picker
            showSearch={{ treeNodeFilterProp: 'title' }}
            allowClear={allUnits}
            placeholder={allUnits ? t('allUnits') : undefined}
            data-testid="user-unit"
          />
        </Form.Item>
        <Form.Item label={t('departments')}>
          <Select mode="multiple" value={departments} onChange={setDepartments} options={deptOptions} disabled={!deptOptions.length} data-testid="user-departments" />
        </Form.Item>
      </Form>
      {error !== undefined && <Alert type="error" showIcon title={error instanceof Error ? error.message : String(error)} data-testid="user-error" />}
    </Modal>
  );
}
