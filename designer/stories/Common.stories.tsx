import type { Meta, StoryObj } from '@storybook/react-vite';
import { Space } from 'antd';
import { DueTag, StatusTag } from '../src/app/common';
import { SimpleTable } from '../src/app/SimpleTable';

const meta: Meta = { title: '通用/时限与状态' };
export default meta;

export const DueColours: StoryObj = {
  render: () => (
    <Space orientation="vertical">
      <DueTag dueAt="2026-11-27T09:00:00+08:00" colour="green" />
      <DueTag dueAt="2026-11-26T17:00:00+08:00" colour="yellow" />
      <DueTag dueAt="2026-11-20T09:00:00+08:00" colour="red" />
      <Space><StatusTag status="active" /><StatusTag status="completed" /><StatusTag status="incident" /></Space>
    </Space>
  ),
};

export const Table: StoryObj = {
  render: () => (
    <SimpleTable
      rows={[{ id: 'longxi', name: '陇西县综治中心', version: '1.0.0' }, { id: 'fugu', name: '府谷县综治中心', version: '1.0.0' }]}
      rowKey={(r) => r.id}
      columns={[{ key: 'id', title: '标识', render: (r) => r.id }, { key: 'n', title: '名称', render: (r) => r.name }, { key: 'v', title: '版本号', render: (r) => r.version }]}
    />
  ),
};
