import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseCaptionRules } from '../config.js';
import { captionFor, defaultCaptionRules, nodeCaption } from './caption.js';

describe('captionFor', () => {
  it('uses the name when the node has one', () => {
    expect(captionFor(['Person'], { name: 'Abimael Guzmán', id: 'Person:p1' }, defaultCaptionRules)).toBe('Abimael Guzmán');
  });

  it('falls back through title, code, address and id in that order by default', () => {
    expect(captionFor(['Event'], { title: 'Captura', code: 'E1', id: 'Event:e1' }, defaultCaptionRules)).toBe('Captura');
    expect(captionFor(['Case'], { code: 'EXP-12', address: 'Lima', id: 'Case:1' }, defaultCaptionRules)).toBe('EXP-12');
    expect(captionFor(['House'], { address: 'Jr. Lima 123', id: 'House:1' }, defaultCaptionRules)).toBe('Jr. Lima 123');
    expect(captionFor(['Phone'], { carrier: 'Claro', id: 'Phone:+51 999' }, defaultCaptionRules)).toBe('Phone:+51 999');
  });

  it('skips empty and blank values', () => {
    expect(captionFor(['Person'], { name: '  ', title: '', id: 'p9' }, defaultCaptionRules)).toBe('p9');
  });

  it('applies a label rule before the * rule', () => {
    const rules = parseCaptionRules('{"Phone":["number"]}');
    expect(captionFor(['Entity', 'Phone'], { number: '+51 999 111 222', id: 'Phone:1' }, rules)).toBe('+51 999 111 222');
    expect(captionFor(['Entity', 'Person'], { name: 'Elena', number: '1' }, rules)).toBe('Elena');
  });

  it('falls back to the * rule when the label rule finds nothing', () => {
    const rules = parseCaptionRules('{"Phone":["number"]}');
    expect(captionFor(['Phone'], { id: 'Phone:7' }, rules)).toBe('Phone:7');
  });

  it('lets the first rule written decide when several of the node labels have one', () => {
    const rules = parseCaptionRules('{"Suspect":["alias"],"Person":["name"]}');
    expect(captionFor(['Person', 'Suspect'], { name: 'Óscar', alias: 'Feliciano' }, rules)).toBe('Feliciano');
  });

  it('shows Neo4j integers and lists as text', () => {
    const rules = parseCaptionRules('{"Account":["number"],"Alias":["names"]}');
    expect(captionFor(['Account'], { number: neo4j.int('9007199254740993') }, rules)).toBe('9007199254740993');
    expect(captionFor(['Alias'], { names: ['Gonzalo', '', 'Presidente'] }, rules)).toBe('Gonzalo, Presidente');
  });

  it('returns an empty caption when no rule finds a value', () => {
    expect(captionFor(['Thing'], {}, defaultCaptionRules)).toBe('');
  });
});

describe('parseCaptionRules', () => {
  it('gives the default rules when NEXO_CAPTION_RULES is unset or empty', () => {
    expect(parseCaptionRules(undefined)).toEqual(defaultCaptionRules);
    expect(parseCaptionRules('')).toEqual(defaultCaptionRules);
  });

  it('keeps a configured * rule and adds the default one when it is left out', () => {
    expect(parseCaptionRules('{"*":["label"]}')).toEqual({ '*': ['label'] });
    expect(parseCaptionRules('{"Phone":["number"]}')).toEqual({ Phone: ['number'], '*': defaultCaptionRules['*'] });
  });

  it('rejects text that is not JSON with a ConfigError naming the variable', () => {
    expect(() => parseCaptionRules('{Phone:number}')).toThrow(ConfigError);
    expect(() => parseCaptionRules('{Phone:number}')).toThrow(/NEXO_CAPTION_RULES is not JSON/);
  });

  it('rejects rules that are not lists of property names', () => {
    expect(() => parseCaptionRules('{"Phone":"number"}')).toThrow(/NEXO_CAPTION_RULES\.Phone/);
    expect(() => parseCaptionRules('{"Phone":[]}')).toThrow(/at least one property name/);
    expect(() => parseCaptionRules('["name"]')).toThrow(ConfigError);
  });
});

describe('nodeCaption', () => {
  const node = { id: 'd::1', labels: ['Entity', 'Person'], properties: { name: 'Jack', surname: 'Powell', phone: '0770' }, formatCaption: 'P1' };
  const picked = { automatic: { Person: ['name', 'surname'] }, overrides: {} };

  it('prefers the user’s choice, then a NEXO_CAPTION_RULES label rule, then the picked caption, then the name', () => {
    expect(nodeCaption(node, defaultCaptionRules, { ...picked, overrides: { Person: ['phone'] } })).toBe('0770');
    expect(nodeCaption(node, parseCaptionRules('{"Person":["phone"]}'), picked)).toBe('0770');
    expect(nodeCaption(node, defaultCaptionRules, picked)).toBe('Jack Powell');
    expect(nodeCaption(node, defaultCaptionRules, undefined)).toBe('Jack');
  });

  it('falls back to the format’s caption, the * rule and last the id', () => {
    expect(nodeCaption({ ...node, properties: {} }, defaultCaptionRules, picked)).toBe('P1');
    expect(nodeCaption({ ...node, properties: { code: 'C-9' }, formatCaption: undefined }, defaultCaptionRules, picked)).toBe('C-9');
    expect(nodeCaption({ ...node, properties: {}, formatCaption: undefined }, defaultCaptionRules, picked)).toBe('d::1');
  });
});
