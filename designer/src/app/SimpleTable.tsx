// A plain HTML table styled like antd's, for pages on the way to the modeler: antd's Table brings
// virtual lists, filters, trees and pagination we do not need there (~40 kB gzip).
import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';

export interface SimpleColumn<T> {
  key: string;
  title: ReactNode;
  render: (row: T) => ReactNode;
  width?: number | string;
}

export function SimpleTable<T>({ rows, columns, rowKey, loading, rowTestId, empty, cards }: {
  rows: T[];
  columns: SimpleColumn<T>[];
  rowKey: (row: T) => string;
  loading?: boolean;
  rowTestId?: (row: T) => string;
  empty?: ReactNode;
  /** One card a row, each column a labelled line (a phone), instead of the table. */
  cards?: boolean;
}) {
  const cell = { padding: '8px 12px', borderBottom: '1px solid #f0f0f0', textAlign: 'left' as const, verticalAlign: 'top' as const };
  if (cards) {
    return (
      <Spin spinning={!!loading}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {rows.map((r) => (
            <div key={rowKey(r)} data-testid={rowTestId?.(r)} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', background: '#fff', overflowWrap: 'anywhere' }}>
              {columns.map((c) => (
                <div key={c.key} style={{ display: 'flex', gap: 8, padding: '3px 0' }}>
                  {c.title && <span style={{ color: '#8c8c8c', flex: '0 0 6.5em' }}>{c.title}</span>}
                  <span style={{ flex: 1, minWidth: 0 }}>{c.render(r)}</span>
                </div>
              ))}
            </div>
          ))}
          {rows.length === 0 && !loading && (empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />)}
        </div>
      </Spin>
    );
  }
  return (
    <Spin spinning={!!loading}>
      {/* Scrolls sideways inside the page on a phone rather than widening it. */}
      <div style={{ overflowX: 'auto' }}>
      <table style={{ width: '100%', minWidth: 'max-content', borderCollapse: 'collapse', background: '#fff', fontSize: 14 }}>
        <thead>
          <tr style={{ background: '#fafafa' }}>
            {columns.map((c) => <th key={c.key} style={{ ...cell, fontWeight: 600, width: c.width }}>{c.title}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} data-testid={rowTestId?.(r)}>
              {columns.map((c) => <td key={c.key} style={cell}>{c.render(r)}</td>)}
            </tr>
          ))}
          {rows.length === 0 && !loading && (
            <tr><td colSpan={columns.length} style={cell}>{empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</td></tr>
          )}
        </tbody>
      </table>
      </div>
    </Spin>
  );
}
