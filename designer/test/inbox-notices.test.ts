// The live inbox's notices: what changed between two polls of the open tasks offered to a user.
import { describe, expect, it } from 'vitest';
import type { InboxTask } from '../src/api/types';
import { inboxNotices } from '../src/app/inbox-watch';

const task = (id: string, colour: InboxTask['colour']): InboxTask => ({
  id, caseId: `case-${id}`, executionId: `exec-${id}`, elementId: 'mediate', name: '调处', formKey: 'mediation', candidateGroups: ['zy.centre'],
  assignee: null, unit: null, iteration: null, item: null, dueAt: '2026-12-09T00:00:00.000Z', warnAt: null, priority: null, status: 'open',
  colour, data: null, createdAt: '2026-12-02T00:00:00.000Z', completedAt: null, completedBy: null, caseNumber: 7, caseTitle: null, caseType: null, processKey: 'zhangye/dispute', actionable: true, supervision: null, supervised: false,
});

describe('inbox notices', () => {
  it('tells of new tasks and of tasks that turned yellow or red, nothing else', () => {
    const before = new Map<string, InboxTask['colour']>([['a', 'green'], ['b', 'green'], ['c', 'yellow'], ['d', 'red']]);
    const now = [task('a', 'green'), task('b', 'yellow'), task('c', 'red'), task('d', 'red'), task('e', 'green')];
    expect(inboxNotices(before, now).map((n) => [n.task.id, n.kind, n.id])).toEqual([
      ['b', 'yellow', 'b:yellow'], ['c', 'red', 'c:red'], ['e', 'new', 'e:new'],
    ]);
    // a task leaving the inbox, or turning green again (a fresh deadline after 退回), is no notice
    expect(inboxNotices(new Map([['a', 'red'], ['x', 'green']]), [task('a', 'green')])).toEqual([]);
  });
});
