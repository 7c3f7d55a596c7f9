import type { Caption } from './briefing';
import type { Citation } from './sources';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A one-page report of the current view as a standalone HTML page, laid out to print on one A4 or Letter page (the
 * browser's "Save as PDF" makes the PDF): the title and date, the picture, the path in words, the numbered sources
 * and the credits.
 */
export function reportHtml(caption: Caption, picture: string, pathInWords: string | undefined, cited: Citation[]): string {
  const entries = cited
    .map(
      (entry) =>
        `<li><b>${escape(entry.claim)}</b> — ${entry.quote ? `“${escape(entry.quote)}”` : '<i>no quote recorded</i>'}${
          entry.document ? ` <span class="doc">[${escape(entry.document)}]</span>` : ''
        }</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(caption.title)} — Nexo report</title>
<style>
  @page { size: auto; margin: 12mm; }
  body { font: 10pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; max-width: 190mm; margin: 0 auto; }
  h1 { font-size: 15pt; margin: 0 0 2pt; }
  .date, .credits, .doc { color: #5b6475; }
  figure { margin: 8pt 0; text-align: center; }
  figure img { max-width: 100%; max-height: 120mm; object-fit: contain; }
  .path { font-weight: 600; border-left: 3pt solid #d6336c; padding-left: 6pt; }
  ol { padding-left: 18pt; font-size: 8.5pt; }
  li { break-inside: avoid; }
  .credits { font-size: 8pt; }
</style>
</head>
<body>
<h1>${escape(caption.title)}</h1>
<div class="date">Nexo · ${escape(caption.date)} · ${escape(caption.kinds.join(', '))}</div>
<figure><img alt="The network as shown on the canvas" src="${escape(picture)}"></figure>
${pathInWords ? `<h2>The path</h2>\n<p class="path">${escape(pathInWords)}</p>` : ''}
<h2>Sources</h2>
<ol>
${entries}
</ol>
<p class="credits">${caption.credits.map((credit) => `Source: ${escape(credit)}`).join('<br>')}</p>
</body>
</html>
`;
}
