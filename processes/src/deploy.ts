// Deploying a pack: validate everything first (nothing is deployed if anything is wrong), then
// one immutable definition version per BPMN process, keyed `<pack id>/<process id>`, carrying the
// pack's forms, rule sets and org model. Running cases stay on the version they started on.
import type { CaseEngine, DeployOptions } from '@yizhan/engine';
import { readBpmn } from './bpmn-model';
import { PackInvalidError } from './errors';
import type { PackBundle } from './types';
import { validatePack } from './validate';

export interface DeployPackOptions {
  actor?: string;
  /**
   * Deploy every process inside the caller's open transaction on this client (the caller commits
   * or rolls back the whole pack); without it each process commits on its own.
   */
  client?: DeployOptions['client'];
}

export interface DeployedPack {
  packId: string;
  /** The version of the first process deployed (all processes of a pack deploy together). */
  version: number;
  processes: { key: string; definitionId: string; version: number }[];
}

/** The BPMN files deployed as processes, in the order of pack.json's `processes` (default: all). */
export function processFiles(bundle: PackBundle): string[] {
  const listed = bundle.manifest.processes?.map((p) => p.bpmn);
  return listed?.length ? listed : Object.keys(bundle.bpmn).sort();
}

/** Process ids of the deployed BPMN files, in deploy order. */
export async function processIds(bundle: PackBundle): Promise<{ file: string; id: string; name?: string }[]> {
  const out: { file: string; id: string; name?: string }[] = [];
  for (const file of processFiles(bundle)) {
    const model = await readBpmn(bundle.bpmn[file]);
    for (const p of model.processes) out.push({ file, id: p.id, name: p.name });
  }
  return out;
}

export async function deployPack(engine: CaseEngine, bundle: PackBundle, options: DeployPackOptions = {}): Promise<DeployedPack> {
  const problems = await validatePack(bundle);
  if (problems.length) throw new PackInvalidError(problems);
  const m = bundle.manifest;
  const processes: DeployedPack['processes'] = [];
  for (const { file, id, name } of await processIds(bundle)) {
    const title = m.processes?.find((p) => p.bpmn === file)?.title;
    const rec = await engine.deploy({
      key: `${m.id}/${id}`,
      bpmn: bundle.bpmn[file],
      name: title ?? name,
      forms: bundle.forms,
      ruleSets: bundle.rules,
      org: m.org,
      deadlines: m.deadlines,
      // 公示 is decided per pack version: the server reads it from the case's definition.
      meta: { pack: m.id, packName: m.name, packVersion: m.version, county: m.county, file, public: m.public ?? { enabled: false } },
      actor: options.actor,
    }, { client: options.client });
    processes.push({ key: rec.key, definitionId: rec.id, version: rec.version });
  }
  return { packId: m.id, version: processes[0]?.version ?? 0, processes };
}
