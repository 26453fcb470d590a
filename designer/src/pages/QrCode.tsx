// A QR code of a text as an SVG image, for the print sheets (受理回执's case number, the rating
// slip's link). The `qrcode` package is loaded here, when a sheet shows one, not with the app.
import { useEffect, useState } from 'react';

/** The QR code of `text`; until it is drawn, an empty square of `size` px. */
export function QrCode({ text, testId, size }: { text: string; testId: string; size: number }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    void import('qrcode').then(async (qr) => {
      const svg = await qr.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => { live = false; };
  }, [text]);
  return src ? <img src={src} alt={text} data-testid={testId} data-qr-text={text} /> : <div style={{ width: size, height: size }} />;
}
