import { describe, expect, it } from 'vitest';
import { briefingCaption, citedSources, creditLine } from './briefing';
import { visibleIds } from './filters';
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
