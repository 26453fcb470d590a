// The routing decisions cases received (分流 — the `route` service's `routing` annotation in the
// history), each with the facts it was decided on, read within a reader's scope (read-scope.ts).
// What-if replay (processes/src/whatif.ts) re-decides them with a proposed rule set.
//
// The facts are rebuilt from the history as recorded: the intake data of `case.started`, then the
// fields each earlier completed task or delivered message added (a step's data never overwrites an
// intake field — as the engine merges it, except where a task's `mapsIntake` maps one: that case
// is replayed on the intake value), and the case's recorded type, channel and unit.
import type pg from 'pg';
import { routingFacts } from './handlers/route';
import { HistoryKind } from './history';
import { caseVisibleSql, SqlArgs, type ReadScope } from './read-scope';
import type { RoutingFacts } from '@yizhan/rules';

/** One routing decision a case received, with the facts it was decided on. */
export interface RoutingRecord {
  caseId: string;
  number: number;
  processKey: string;
  title: string | null;
  unit: string | null;
  createdAt: Date;
  /** The 分流 service task that decided. */
  elementId: string | null;
  /** The rule set it used (by name). */
  ruleSet: string;
  /** The decision as recorded. */
  decision: Record<string, unknown>;
  /** Names of the rules applied then, highest priority first. */
  applied: string[];
  facts: RoutingFacts;
}

export interface RoutingHistoryQuery {
  /** Process keys (`longxi/dispute`). */
  processKeys: readonly string[];
  /** Cases created in [from, to). */
  from: Date;
  to: Date;
  /** At most this many cases (their decisions all included); `truncated` says when more matched. */
  maxCases: number;
}

interface Row {
  id: string; number: string; process_key: string; title: string | null; unit: string | null; type: string | null;
  channel: string | null; created_at: Date;
  entries: { kind: string; element_id: string | null; data: Record<string, unknown> | null }[];
}

const KINDS = [HistoryKind.CaseStarted, HistoryKind.TaskCompleted, HistoryKind.MessageReceived, HistoryKind.ServiceCompleted];

export class RoutingHistory {
  constructor(private readonly pool: pg.Pool) {}

  /** The routing decisions of the visible cases of the query, oldest case first. */
  async decisions(scope: ReadScope, query: RoutingHistoryQuery): Promise<{ records: RoutingRecord[]; cases: number; truncated: boolean }> {
    const args = new SqlArgs();
    const keys = args.add(query.processKeys);
    const from = args.add(query.from);
    const to = args.add(query.to);
    const visible = caseVisibleSql(scope, args);
    const kinds = args.add(KINDS);
    const limit = args.add(query.maxCases + 1);
    // Only cases a routing decision was recorded for; their history entries in order, in one array.
    const { rows } = await this.pool.query<Row>(
      `select c.id, c.number, c.process_key, c.title, c.unit, c.type, c.channel, c.created_at,
              (select jsonb_agg(jsonb_build_object('kind', h.kind, 'element_id', h.element_id, 'data', h.data) order by h.id)
                 from history h where h.case_id = c.id and h.kind = any(${kinds}::text[])) as entries
         from cases c
        where c.process_key = any(${keys}::text[]) and c.created_at >= ${from} and c.created_at < ${to}
          and exists (select 1 from history r where r.case_id = c.id and r.kind = '${HistoryKind.ServiceCompleted}' and r.data ? 'routing')
          and ${visible}
        order by c.created_at, c.id
        limit ${limit}`,
      args.values,
    );
    const truncated = rows.length > query.maxCases;
    const cases = rows.slice(0, query.maxCases);
    return { records: cases.flatMap(recordsOf), cases: cases.length, truncated };
  }
}

function recordsOf(row: Row): RoutingRecord[] {
  const records: RoutingRecord[] = [];
  let intake: Record<string, unknown> = {};
  let data: Record<string, unknown> = {};
  for (const entry of row.entries ?? []) {
    const d = entry.data ?? {};
    if (entry.kind === HistoryKind.CaseStarted) {
      intake = isObject(d.data) ? d.data : {};
      data = { ...intake };
    } else if (entry.kind === HistoryKind.TaskCompleted || entry.kind === HistoryKind.MessageReceived) {
      const added = entry.kind === HistoryKind.TaskCompleted ? d.data : d.payload;
      if (isObject(added)) for (const [k, v] of Object.entries(added)) if (!(k in intake)) data[k] = v;
    } else if (isObject(d.routing) && typeof d.routing.ruleSet === 'string' && isObject(d.routing.decision)) {
      const explanation = isObject(d.routing.explanation) ? d.routing.explanation : {};
      records.push({
        caseId: row.id, number: Number(row.number), processKey: row.process_key, title: row.title, unit: row.unit,
        createdAt: row.created_at, elementId: entry.element_id, ruleSet: d.routing.ruleSet, decision: d.routing.decision,
        applied: Array.isArray(explanation.applied) ? explanation.applied.filter((x): x is string => typeof x === 'string') : [],
        facts: routingFacts({ data: { ...data }, case: { type: row.type, channel: row.channel, unit: row.unit } }),
      });
    }
  }
  return records;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
