// A pack's settings for 督办 and 研判 as the server reads them from a definition version's meta
// (pack.json `supervision` and `analysis`, stored with each version at deploy), with the defaults.
import type { PackAnalysisSettings, PackSupervision } from './types';

export type PackAnalysis = Required<PackAnalysisSettings>;

export const DEFAULT_ANALYSIS: PackAnalysis = { repeatDays: 30, spikeFactor: 3, spikeMinimum: 5 };

/** The role that supervises cases of this definition (pack.json `supervision.by`, default `leader`). */
export function packSupervisor(meta: Record<string, unknown> | undefined): 'leader' | 'admin' {
  const by = (meta?.supervision as PackSupervision | undefined)?.by;
  return by === 'admin' ? 'admin' : 'leader';
}

/** The 研判 settings of a definition (pack.json `analysis`), each missing or unusable value defaulted. */
export function packAnalysis(meta: Record<string, unknown> | undefined): PackAnalysis {
  const a = (meta?.analysis ?? {}) as PackAnalysisSettings;
  const num = (v: unknown, min: number, max: number, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : d);
  return {
    repeatDays: Math.floor(num(a.repeatDays, 1, 3650, DEFAULT_ANALYSIS.repeatDays)),
    spikeFactor: num(a.spikeFactor, 1, 100, DEFAULT_ANALYSIS.spikeFactor),
    spikeMinimum: Math.floor(num(a.spikeMinimum, 1, 100000, DEFAULT_ANALYSIS.spikeMinimum)),
  };
}
