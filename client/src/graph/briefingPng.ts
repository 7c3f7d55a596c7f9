import type { Caption } from '../state/briefing';
import { kindStyle, type Theme } from './style';

const INK: Record<Theme, { text: string; muted: string; rule: string }> = {
  light: { text: '#1d2330', muted: '#5b6475', rule: '#d5d9e0' },
  dark: { text: '#e6e9ef', muted: '#9aa3b2', rule: '#343a48' },
};
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * The drawing framed for a briefing: the title and date above, the legend of entity kinds and the source credits
 * below. `scale` is the drawing's pixel ratio, so the words keep their size next to it.
 */
export async function framedPng(drawing: Blob, caption: Caption, theme: Theme, background: string, scale: number): Promise<Blob> {
  const picture = await createImageBitmap(drawing);
  const margin = 24 * scale;
  const line = 20 * scale;
  const width = Math.max(picture.width + 2 * margin, 900 * scale);
  const header = margin + 30 * scale + line + margin / 2;
  const footer = margin / 2 + line + caption.credits.length * line + margin;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = header + picture.height + footer;
  const context = canvas.getContext('2d')!;
  const ink = INK[theme];
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.textBaseline = 'top';

  context.fillStyle = ink.text;
  context.font = `600 ${22 * scale}px ${FONT}`;
  context.fillText(caption.title, margin, margin);
  context.fillStyle = ink.muted;
  context.font = `${13 * scale}px ${FONT}`;
  context.fillText(`Nexo · ${caption.date}`, margin, margin + 30 * scale);
  context.drawImage(picture, (width - picture.width) / 2, header);

  let y = header + picture.height + margin / 2;
  context.fillStyle = ink.rule;
  context.fillRect(margin, y - scale * 6, width - 2 * margin, scale);
  let x = margin;
  context.font = `${13 * scale}px ${FONT}`;
  for (const kind of caption.kinds) {
    context.fillStyle = kindStyle(kind).color;
    context.fillRect(x, y + 3 * scale, 12 * scale, 12 * scale);
    context.fillStyle = ink.text;
    context.fillText(kind, x + 18 * scale, y + scale);
    x += 18 * scale + context.measureText(kind).width + 18 * scale;
  }
  context.fillStyle = ink.muted;
  context.font = `${12 * scale}px ${FONT}`;
  for (const credit of caption.credits) {
    y += line;
    context.fillText(`Source: ${credit}`, margin, y + scale * 2);
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be drawn'))), 'image/png'));
}
