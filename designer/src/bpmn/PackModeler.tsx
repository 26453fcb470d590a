// The BPMN modeler (bpmn-js + properties panel with the Camunda 7 provider and our 一站 group),
// loaded only when opened. bpmnlint runs on every change and marks findings on the canvas; problems
// from the server's deploy check are marked the same way. Keeps the bpmn.io watermark (licence).
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import './bpmn-markers.css';
import { Alert, Button, List, Space, Tag } from 'antd';
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../app/i18n';
import { useNarrow } from '../app/use-narrow';
import { lintDefinitions, type LintFinding } from './lint';
import { RestrictModule } from './restrict';
import { ZhTranslateModule } from './translate-zh';
import { YizhanPropertiesProviderModule, type PackChoices } from './yizhan-properties';

export interface PackModelerProps {
  xml: string;
  onChange: (xml: string) => void;
  choices: PackChoices;
  /** Problems from the server's deploy check for this file. */
  problems?: { elementId?: string; message: string }[];
}

interface Box { x: number; y: number; width: number; height: number }
interface Canvas {
  zoom(mode: 'fit-viewport', center?: 'auto'): void;
  viewbox(): Box & { inner: Box; outer: Box };
  viewbox(box: Box): void;
  addMarker(id: string, m: string): void; removeMarker(id: string, m: string): void }
interface Overlays { add(id: string, type: string, o: { position: { top: number; right: number }; html: HTMLElement }): void; remove(filter: { type: string }): void }
interface Registry { get(id: string): unknown }
interface Selection { select(e: unknown): void }
interface Finding { elementId?: string; message: string; severity: 'error' | 'warning'; source: string }

/** Room kept free around the diagram (screen pixels); on the left, besides, the palette's width. */
const PAD = { left: 24, right: 24, top: 24, bottom: 24 };

/**
 * Fits the whole diagram into the canvas clear of the palette (which floats over the canvas's left
 * edge: a plain fit-viewport puts the start event under it), never magnified beyond 100 %.
 */
export function fitDiagram(canvas: Canvas, container: HTMLElement | null): void {
  // A hidden canvas (another tab shown while the diagram loads) has no size to fit into: bpmn-js
  // would compute a non-finite zoom.
  if (container && (!container.clientWidth || !container.clientHeight)) return;
  canvas.zoom('fit-viewport', 'auto');
  const { inner, outer } = canvas.viewbox();
  if (!inner.width || !inner.height || !outer.width || !outer.height) return;
  const palette = container?.querySelector('.djs-palette')?.getBoundingClientRect();
  const box = container?.getBoundingClientRect();
  // Beside the palette, or (on a narrow canvas, where beside leaves little room) below it.
  const layouts = [{ left: PAD.left, top: PAD.top }];
  if (palette && box) {
    layouts[0] = { left: PAD.left + Math.max(0, palette.right - box.left), top: PAD.top };
    layouts.push({ left: PAD.left, top: PAD.top + Math.max(0, palette.bottom - box.top) });
  }
  const scaleOf = (l: { left: number; top: number }) =>
    Math.min(1, (outer.width - l.left - PAD.right) / inner.width, (outer.height - l.top - PAD.bottom) / inner.height);
  // beside unless that shrinks the diagram by more than a fifth (a phone's canvas)
  const best = layouts.length > 1 && scaleOf(layouts[0]) < 0.8 * scaleOf(layouts[1]) ? layouts[1] : layouts[0];
  const scale = scaleOf(best);
  if (scale <= 0) return;
  canvas.viewbox({ x: inner.x - best.left / scale, y: inner.y - best.top / scale, width: outer.width / scale, height: outer.height / scale });
}

export default function PackModeler({ xml, onChange, choices, problems = [] }: PackModelerProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Modeler | null>(null);
  const choicesRef = useRef<PackChoices>({ forms: [], departments: [] });
  const lastXml = useRef<string>('');
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const narrow = useNarrow();
  const { t, lang } = useI18n();
  // bpmn-js speaks the language the modeler was created in (PackPage re-creates it on a switch).
  const zhRef = useRef(lang !== 'en');
  const [lint, setLint] = useState<LintFinding[]>([]);
  const [error, setError] = useState<string>();
  /** Counts imports: the badges are drawn again on each newly imported diagram. */
  const [imported, setImported] = useState(0);
  Object.assign(choicesRef.current, choices);

  const relint = async (m: Modeler) => {
    const definitions = (m as unknown as { getDefinitions(): unknown }).getDefinitions();
    const found = await lintDefinitions(definitions);
    if (modelerRef.current === m) setLint(found);
  };

  useEffect(() => {
    if (!canvasRef.current || !panelRef.current) return;
    // A new modeler has no diagram yet, whatever the last one showed (React's StrictMode mounts
    // twice in development: the second modeler must import the diagram too).
    lastXml.current = '';
    const modeler = new Modeler({
      container: canvasRef.current,
      propertiesPanel: { parent: panelRef.current },
      additionalModules: [
        BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule, YizhanPropertiesProviderModule,
        RestrictModule, ...(zhRef.current ? [ZhTranslateModule] : []),
      ],
      moddleExtensions: { camunda: camundaModdle },
      yizhan: choicesRef.current,
    });
    modelerRef.current = modeler;
    (window as unknown as { __yizhanModeler?: Modeler }).__yizhanModeler = modeler;
    modeler.on('commandStack.changed', async () => {
      const { xml: out } = await modeler.saveXML({ format: true });
      if (!out || modelerRef.current !== modeler) return;
      lastXml.current = out;
      onChangeRef.current(out);
      void relint(modeler);
    });
    // Shown again after being hidden (another tab was open while it loaded): fit the diagram then.
    const container = canvasRef.current;
    let hidden = !container.clientWidth || !container.clientHeight;
    const resize = new ResizeObserver(() => {
      const now = !container.clientWidth || !container.clientHeight;
      if (hidden && !now && modelerRef.current === modeler) fitDiagram(modeler.get<Canvas>('canvas'), container);
      hidden = now;
    });
    resize.observe(container);
    return () => {
      resize.disconnect();
      modeler.destroy();
      modelerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const m = modelerRef.current;
    if (!m || xml === lastXml.current) return;
    lastXml.current = xml;
    m.importXML(xml).then(() => {
      if (modelerRef.current !== m) return;
      fitDiagram(m.get<Canvas>('canvas'), canvasRef.current);
      setError(undefined);
      setImported((n) => n + 1);
      void relint(m);
    }, (e: unknown) => {
      if (modelerRef.current === m) setError(e instanceof Error ? e.message : String(e));
    });
  }, [xml]);

  const findings: Finding[] = [
    ...problems.map((p) => ({ elementId: p.elementId, message: p.message, severity: 'error' as const, source: t('deployCheck') })),
    ...lint.map((l) => ({ elementId: l.elementId, message: l.message, severity: l.severity, source: `bpmnlint ${l.rule}` })),
  ];
  const findingsKey = findings.map((f) => `${f.elementId}|${f.severity}|${f.message}`).join('\n');

  // Markers and counted badges on the elements with findings.
  useEffect(() => {
    const m = modelerRef.current;
    if (!m) return;
    const canvas = m.get<Canvas>('canvas');
    const overlays = m.get<Overlays>('overlays');
    const registry = m.get<Registry>('elementRegistry');
    overlays.remove({ type: 'yizhan-lint' });
    const byElement = new Map<string, Finding[]>();
    for (const f of findings) if (f.elementId && registry.get(f.elementId)) byElement.set(f.elementId, [...(byElement.get(f.elementId) ?? []), f]);
    const marked: string[] = [];
    for (const [id, list] of byElement) {
      const error = list.some((f) => f.severity === 'error');
      canvas.addMarker(id, error ? 'yz-problem' : 'yz-warning');
      marked.push(id);
      const badge = document.createElement('div');
      badge.className = `yz-badge${error ? '' : ' yz-warn'}`;
      badge.textContent = String(list.length);
      badge.title = list.map((f) => f.message).join('\n');
      badge.dataset.testid = `lint-badge-${id}`;
      overlays.add(id, 'yizhan-lint', { position: { top: -8, right: 8 }, html: badge });
    }
    return () => {
      // The modeler may be gone (unmount) and a marked element deleted since (Delete, undo of its
      // creation): bpmn-js throws for an id it no longer knows.
      if (modelerRef.current !== m) return;
      for (const id of marked) {
        if (!registry.get(id)) continue;
        canvas.removeMarker(id, 'yz-problem');
        canvas.removeMarker(id, 'yz-warning');
      }
    };
  }, [findingsKey, imported]);

  const select = (id?: string) => {
    const m = modelerRef.current;
    const el = id ? m?.get<Registry>('elementRegistry').get(id) : undefined;
    if (m && el) m.get<Selection>('selection').select(el);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="modeler">
      {error && <Alert type="error" title={error} />}
      {/* On a phone the properties panel goes below the canvas instead of beside it. */}
      <div style={{ display: 'flex', flexDirection: narrow ? 'column' : 'row', height: narrow ? undefined : 560, border: '1px solid #f0f0f0', background: '#fff' }}>
        <div ref={canvasRef} style={{ flex: narrow ? undefined : 1, height: narrow ? 420 : undefined, minWidth: 0, position: 'relative' }} data-testid="modeler-canvas" />
        <div ref={panelRef} style={narrow ? { borderTop: '1px solid #f0f0f0', maxHeight: 480, overflow: 'auto' } : { width: 340, borderLeft: '1px solid #f0f0f0', overflow: 'auto' }} data-testid="properties-panel" />
      </div>
      <Space>
        <Button size="small" onClick={() => { const m = modelerRef.current; if (m) fitDiagram(m.get<Canvas>('canvas'), canvasRef.current); }} data-testid="fit-view">{t('fitView')}</Button>
        <Tag color={findings.some((f) => f.severity === 'error') ? 'error' : 'success'} data-testid="lint-summary">
          {t('lintSummary', { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length })}
        </Tag>
      </Space>
      {findings.length > 0 && (
        <List size="small" bordered dataSource={findings} data-testid="lint-list" renderItem={(f) => (
          <List.Item onClick={() => select(f.elementId)} style={{ cursor: f.elementId ? 'pointer' : undefined }}>
            <Space size={6} wrap>
              <Tag color={f.severity === 'error' ? 'error' : 'warning'}>{t(f.severity === 'error' ? 'severityError' : 'severityWarning')}</Tag>
              {f.elementId && <code>{f.elementId}</code>}
              <span>{f.message}</span>
              <span style={{ color: '#999', fontSize: 12 }}>{f.source}</span>
            </Space>
          </List.Item>
        )} />
      )}
    </Space>
  );
}
