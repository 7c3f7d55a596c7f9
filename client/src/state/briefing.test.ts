import { describe, expect, it } from 'vitest';
import { briefingCaption, citedSources, creditLine } from './briefing';
import { visibleIds } from './filters';
import { pathSentence } from './paths';
import { reportHtml } from './report';
import { citations } from './sources';
import { addGraph, emptyView } from './view';
import { peruPath } from './testGraph';

const wikipedia = {
  title: 'Organised crime in Peru',
  attribution: 'Wikipedia contributors, "Organised crime in Peru", English Wikipedia',
  licence: 'CC BY-SA 4.0',
  url: 'https://en.wikipedia.org/wiki/Organised_crime_in_Peru',
};

describe('the caption of an exported picture', () => {
  const view = addGraph(peruPath)(emptyView());

  it('is titled by the highlighted path, dated, and lists the kinds shown and the credits', () => {
    const caption = briefingCaption(view, visibleIds(view), peruPath, [wikipedia], new Date('2026-11-30T18:00:00Z'));
    expect(caption).toEqual({
      title: 'From Abimael Guzmán to David Bazán Arévalo in 2 steps',
      date: '2026-11-30',
      kinds: ['Organization', 'Person'],
      credits: ['Wikipedia contributors, "Organised crime in Peru", English Wikipedia · CC BY-SA 4.0 · https://en.wikipedia.org/wiki/Organised_crime_in_Peru'],
    });
  });

  it('without a path, says what the view holds', () => {
    expect(briefingCaption(view, visibleIds(view), undefined, [], new Date('2026-01-02T00:00:00Z')).title).toBe('3 entities, 2 relationships');
  });

  it('cites each source document once, and names a document without attribution by its title', () => {
    expect(citedSources(view, visibleIds(view))).toEqual(['peru-organised-crime']);
    expect(creditLine({ title: 'Field notes', attribution: null, licence: null, url: null })).toBe('Field notes');
  });
});

describe('the one-page report', () => {
  const view = addGraph(peruPath)(emptyView());
  const caption = briefingCaption(view, visibleIds(view), peruPath, [wikipedia], new Date('2026-11-30T18:00:00Z'));

  it('holds the title, the picture, the path in words and one numbered entry per quote, all escaped', () => {
    const cited = citations(view, Object.keys(view.edges), { 'peru-organised-crime': 'Organised crime in Peru' });
    const html = reportHtml(caption, 'data:image/png;base64,AAAA', pathSentence(peruPath), cited);
    expect(html).toContain('<h1>From Abimael Guzmán to David Bazán Arévalo in 2 steps</h1>');
    expect(html).toContain('src="data:image/png;base64,AAAA"');
    expect(html).toContain('<p class="path">Abimael Guzmán —LEADER_OF→ Shining Path ←FINANCED— David Bazán Arévalo</p>');
    expect(html.match(/<li>/g)).toHaveLength(cited.length);
    expect(html).toContain('“He financed Shining Path.” <span class="doc">[Organised crime in Peru]</span>');
    expect(html).toContain('Source: Wikipedia contributors, &#34;Organised crime in Peru&#34;, English Wikipedia · CC BY-SA 4.0');
  });

  it('leaves the path out when none is highlighted, and never lets a name become markup', () => {
    const html = reportHtml({ ...caption, title: '<script>x</script>' }, 'data:,', undefined, []);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('class="path"');
  });
});
