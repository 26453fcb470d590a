// The case view's diagram: bpmn-js NavigatedViewer (loaded only with this chunk) with the open
// tasks marked as the current position and completed steps shaded. Keeps the bpmn.io watermark.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './bpmn-markers.css';
import { useEffect, useRef, useState } from 'react';

export interface BpmnViewerProps {
  xml: string;
  /** Element ids of the open tasks: the current position. */
  current?: string[];
  /** Element ids already passed. */
  done?: string[];
  height?: number;
  /** Other markers: element id → CSS class (the version diff's yz-added / yz-removed / yz-changed). */
  marks?: Record<string, string>;
}

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(mode: 'fit-viewport', center?: 'auto'): void;
}
interface Registry { get(id: string): unknown }

export default function BpmnViewer({ xml, current = [], done = [], height = 420, marks }: BpmnViewerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  // Redraw when the ids change, not when a new array with the same ids is passed.
  const currentKey = current.join(',');
  const doneKey = done.join(',');
  const marksKey = JSON.stringify(marks ?? {});
  useEffect(() => {
    if (!ref.current) return;
    const container = ref.current;
    const viewer = new NavigatedViewer({ container });
    let alive = true;
    let fitted = false;
    // A container without a size (a folded section, a page still laying out on a phone) has nothing
    // to fit into — bpmn-js would compute a non-finite zoom; the diagram is fitted once it has one.
    const fit = () => {
      if (fitted || !container.clientWidth || !container.clientHeight) return;
      viewer.get<Canvas>('canvas').zoom('fit-viewport', 'auto');
      fitted = true;
    };
    let imported = false;
    const resized = new ResizeObserver(() => imported && fit());
    resized.observe(container);
    viewer.importXML(xml).then(() => {
      if (!alive) return;
      imported = true;
      const canvas = viewer.get<Canvas>('canvas');
      const registry = viewer.get<Registry>('elementRegistry');
      fit();
      for (const id of done) if (registry.get(id)) canvas.addMarker(id, 'yz-done');
      for (const id of current) if (registry.get(id)) canvas.addMarker(id, 'yz-current');
      for (const [id, marker] of Object.entries(marks ?? {})) if (registry.get(id)) canvas.addMarker(id, marker);
    }, (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      alive = false;
      resized.disconnect();
      viewer.destroy();
    };
  }, [xml, currentKey, doneKey, marksKey]);
  return (
    <div>
      {error && <div style={{ color: '#cf1322' }}>{error}</div>}
      <div ref={ref} style={{ height, border: '1px solid #f0f0f0', background: '#fff' }} data-testid="bpmn-viewer" />
    </div>
  );
}
