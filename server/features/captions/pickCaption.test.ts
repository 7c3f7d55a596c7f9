import { describe, expect, it } from 'vitest';
import { pickCaption } from './pickCaption.js';

describe('pickCaption', () => {
  it('names people by first and last name, whatever the columns are called', () => {
    expect(
      pickCaption([
        { firstName: 'Jack', surname: 'Powell', age: 34 },
        { firstName: 'Amy', surname: 'Ward', age: 29 },
      ]),
    ).toEqual(['firstName', 'surname']);
    expect(pickCaption([{ first_name: 'Jack', last_name: 'Powell' }])).toEqual(['first_name', 'last_name']);
    expect(pickCaption([{ name: 'Jack', surname: 'Powell', nhs_no: '1' }])).toEqual(['name', 'surname']);
  });

  it('takes a name or a title next', () => {
    expect(pickCaption([{ title: 'Robbery', code: 'R1' }])).toEqual(['title']);
    expect(pickCaption([{ code: 'X', Name: 'Lima' }])).toEqual(['Name']);
  });

  it('otherwise takes the most distinct short text, preferring codes, numbers and addresses to ids', () => {
    const areas = ['WN', 'M1', 'BL', 'OL'].map((code, index) => ({ id: String(16963 + index), areaCode: code }));
    expect(pickCaption(areas)).toEqual(['areaCode']);
    const phones = ['07700 900001', '07700 900002'].map((phoneNo) => ({ phoneNo, carrier: 'O2' }));
    expect(pickCaption(phones)).toEqual(['phoneNo']);
    const places = [
      { address: '1 High St', postcode: 'M1 1AA', description: 'a long description of the place, far longer than any caption should be' },
      { address: '2 High St', postcode: 'M1 1AA', description: 'another long description of the place, far longer than a caption' },
    ];
    expect(pickCaption(places)).toEqual(['address']);
  });

  it('takes a property named as the label however long, before the most distinct short text', () => {
    // ICIJ's Offshore Leaks addresses: a long address, most without a name, a short country code.
    const addresses = [
      { address: '-\t27 ROSEWOOD DRIVE #16-19 SINGAPORE 737920', country_codes: 'SGP', name: '' },
      { address: 'ORION HOUSE SERVICES (HK) LIMITED ROOM 1401; 14/F.; WORLD COMMERCE CENTRE', country_codes: 'HKG' },
    ];
    expect(pickCaption(addresses, 0, 'Address')).toEqual(['address']);
    expect(pickCaption(addresses, 0, 'Addresses')).toEqual(['address']);
    expect(pickCaption(addresses)).toEqual(['country_codes']);
    expect(pickCaption([{ Phone: '+51 1 555', name: 'office line' }], 0, 'Phone')).toEqual(['name']);
  });

  it('never picks Nexo’s own keys, and leaves a format’s caption alone', () => {
    expect(pickCaption([{ __nexo_id: 'a::1', __nexo_caption: 'One' }])).toEqual([]);
    expect(pickCaption([{ weight: 3 }, { weight: 4 }], 2)).toEqual([]);
  });

  it('skips properties most nodes lack', () => {
    expect(pickCaption([{ email: 'a@x.org' }, { other: 'b' }, { other: 'c' }])).toEqual(['other']);
    expect(pickCaption([])).toEqual([]);
  });
});
