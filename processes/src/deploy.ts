// Deploying a pack: validate everything first (nothing is deployed if anything is wrong), then
// one immutable definition version per BPMN process, keyed `<pack id>/<process id>`, carrying the
// pack's forms, rule sets and org model. Running cases stay on the version they started on.
// Each BPMN file is read and checked once, by the validator; the engine deploys the documents it
// checked (DeployInput.document) without reading or checking them again.
import type { CaseEngine, DeployOptions } from '@yizhan/engine';
import { PackInvalidError } from './errors';
import type { PackBundle } from './types';
import { checkPack, type CheckedPack } from './validate';

export interface DeployPackOptions {
  actor?: string;
  /**
   * Deploy every process inside the caller's open transaction on this client (the caller commits
   * or rolls back the whole pack); without it each process commits on its own.
   */
  client?: DeployOptions['client'];
  /** The pack as checkPack returned it (the caller validated it already); default: checked here. */
  checked?: CheckedPack;
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

export async function deployPack(engine: CaseEngine, bundle: PackBundle, options: DeployPackOptions = {}): Promise<DeployedPack> {
  const checked = options.checked ?? await checkPack(bundle);
  const problems = checked.problems.filter((p) => p.severity !== 'warning');
  if (problems.length) throw new PackInvalidError(problems);
  const m = bundle.manifest;
  const processes: DeployedPack['processes'] = [];
  for (const file of processFiles(bundle)) {
    const document = checked.documents[file];
    const proc = document?.processes[0];
    if (!proc) continue;
    const title = m.processes?.find((p) => p.bpmn === file)?.title;
    const rec = await engine.deploy({
      key: `${m.id}/${proc.id}`,
      bpmn: bundle.bpmn[file],
      document,
      name: title ?? proc.name,
      forms: bundle.forms,
      ruleSets: bundle.rules,
      org: m.org,
      deadlines: m.deadlines,
      // 公示 is decided per pack version: the server reads it from the case's definition.
      meta: {
        pack: m.id, packName: m.name, packVersion: m.version, county: m.county, file, public: m.public ?? { enabled: false },
        ...(m.supervision ? { supervision: m.supervision } : {}), ...(m.analysis ? { analysis: m.analysis } : {}),
      },
      actor: options.actor,
    }, { client: options.client });
    processes.push({ key: rec.key, definitionId: rec.id, version: rec.version });
  }
  return { packId: m.id, version: processes[0]?.version ?? 0, processes };
}
