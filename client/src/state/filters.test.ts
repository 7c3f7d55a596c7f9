import { describe, expect, it } from 'vitest';
import { dateText, linksPerYear, visibleIds, yearBounds, yearSpan } from './filters';
import { addGraph, emptyView, hideNodes, setFilters, toggleFilterValue } from './view';
import { bazan, financed, guzman, leaderOf, link, person, shiningPath } from './testGraph';

const state = addGraph({ nodes: [guzman, shiningPath, bazan], edges: [leaderOf, financed] })(emptyView());

describe('dates', () => {
  it('reads years from date, since and until in any precision', () => {
    expect(yearSpan({ date: '2017-07-26' })).toEqual([2017, 2017]);
    expect(yearSpan({ since: '2001', until: '2010-05' })).toEqual([2001, 2010]);
    expect(yearSpan({ since: '2008' })).toEqual([2008, Number.POSITIVE_INFINITY]);
    expect(yearSpan({ description: 'no date' })).toBeNull();
  });

  it('writes dates for people', () => {
    expect(dateText({ since: '2001', until: '2010' })).toBe('2001 – 2010');
    expect(dateText({ since: '2008' })).toBe('since 2008');
    expect(dateText({})).toBe('');
  });

  it('bounds the time slider by the dated items on the canvas', () => {
    expect(yearBounds([bazan, financed, guzman])).toEqual([2010, 2017]);
    expect(yearBounds([guzman])).toBeNull();
  });
});

describe('visibility', () => {
  it('shows everything by default', () => {
    const visible = visibleIds(state);
    expect(visible.nodes.size).toBe(3);
    expect(visible.edges.size).toBe(2);
  });

  it('hides a relationship type but keeps its ends', () => {
    const visible = visibleIds(toggleFilterValue('hiddenTypes', 'FINANCED')(state));
    expect(visible.edges.has(financed.id)).toBe(false);
    expect(visible.nodes.has(bazan.id)).toBe(true);
  });

  it('hides a kind and the edges that touch it', () => {
    const visible = visibleIds(toggleFilterValue('hiddenKinds', 'Person')(state));
    expect([...visible.nodes]).toEqual([shiningPath.id]);
    expect(visible.edges.size).toBe(0);
  });

  it('keeps undated items visible under a year range and drops dated ones outside it', () => {
    const visible = visibleIds(setFilters({ years: [1990, 2005] })(state));
    expect(visible.nodes.has(guzman.id)).toBe(true);
    expect(visible.nodes.has(bazan.id)).toBe(false);
    expect(visible.edges.has(leaderOf.id)).toBe(true);
  });

  it('leaves hidden nodes out', () => {
    expect(visibleIds(hideNodes([guzman.id])(state)).nodes.has(guzman.id)).toBe(false);
  });

  it('under a year range, shows undated items marked, dims them, or hides them while sparing the ends of dated links in range', () => {
    // Guzmán and his LEADER_OF link are undated; Bazán (2017) FINANCED Shining Path (undated) since 2010.
    const ranged = setFilters({ years: [2015, 2020] })(state);
    const shown = visibleIds(ranged);
    expect([...shown.nodes].sort()).toEqual([guzman.id, shiningPath.id, bazan.id].sort());
    expect([...shown.undated].sort()).toEqual([guzman.id, shiningPath.id, leaderOf.id].sort());

    const dimmed = visibleIds(setFilters({ undated: 'dim' })(ranged));
    expect(dimmed.nodes.size).toBe(3);
    expect([...dimmed.undated].sort()).toEqual([guzman.id, leaderOf.id].sort());

    const hidden = visibleIds(setFilters({ undated: 'hide' })(ranged));
    expect([...hidden.nodes].sort()).toEqual([shiningPath.id, bazan.id].sort());
    expect([...hidden.edges]).toEqual([financed.id]);
    expect(hidden.undated.size).toBe(0);
  });

  it('applies the undated choice only while a year range is set', () => {
    const visible = visibleIds(setFilters({ undated: 'hide' })(state));
    expect(visible.nodes.size).toBe(3);
    expect(visible.undated.size).toBe(0);
  });
});

describe('the timeline', () => {
  it('counts each dated relationship in every year it covers, an open "since" up to the last year', () => {
    const a = person('person:a', 'A');
    const edges = [
      link(a.id, 'ARRESTED', bazan.id, { date: '2012-03-01' }),
      link(a.id, 'FINANCED', bazan.id, { since: '2010' }),
      link(a.id, 'MEMBER_OF', bazan.id, { since: '2011', until: '2012' }),
      link(a.id, 'KNOWS', bazan.id),
    ];
    expect(linksPerYear(edges, [2009, 2013])).toEqual([0, 1, 2, 3, 1]);
  });
});
