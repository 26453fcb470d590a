import type { OrgUnit } from '../../org';

export interface UnitTreeNode {
  title: string;
  value: string;
  key: string;
  selectable: boolean;
  disabled?: boolean;
  children?: UnitTreeNode[];
}

/** antd TreeSelect data; units outside `levels` stay visible (for orientation) but cannot be picked. */
export function unitTreeData(units: OrgUnit[], levels?: string[]): UnitTreeNode[] {
  return units.map((u) => {
    const selectable = !levels || levels.includes(u.level);
    const children = u.children && u.children.length > 0 ? unitTreeData(u.children, levels) : undefined;
    return { title: u.name, value: u.code, key: u.code, selectable, ...(selectable ? {} : { disabled: true }), ...(children ? { children } : {}) };
  });
}
