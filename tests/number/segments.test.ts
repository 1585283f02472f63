import { describe, it, expect } from 'vitest';
import data from '../../data/segments.json';
import { listSegments, parse, segmentInfo } from '../../src/number/index.js';
import type { Carrier } from '../../src/number/index.js';

const EXPECTED: [string, Carrier | null, string | null, string | null, boolean][] = [
  ['4000', 'unicom', '中国联通', 'China Unicom', true],
  ['4001', 'mobile', '中国移动', 'China Mobile', true],
  ['4002', null, null, null, false],
  ['4003', null, null, null, false],
  ['4004', null, null, null, false],
  ['4005', null, null, null, false],
  ['4006', 'unicom', '中国联通', 'China Unicom', true],
  ['4007', 'mobile', '中国移动', 'China Mobile', true],
  ['4008', 'telecom', '中国电信', 'China Telecom', true],
  ['4009', 'telecom', '中国电信', 'China Telecom', true],
];

describe('segments', () => {
  it.each(EXPECTED)('%s → %s', (segment, carrier, carrierZh, carrierEn, confirmed) => {
    expect(segmentInfo(segment)).toEqual({ segment, carrier, carrierZh, carrierEn, confirmed });
    // parse reports the same carrier for a number in that segment
    expect(parse(`${segment}-555-666`, { allowUnconfirmed: true }).carrier).toBe(carrier);
  });

  it('listSegments lists all ten in order, frozen', () => {
    const list = listSegments();
    expect(list.map((s) => s.segment)).toEqual(EXPECTED.map((row) => row[0]));
    expect(Object.isFrozen(list)).toBe(true);
    expect(list.every((s) => Object.isFrozen(s))).toBe(true);
    expect(() => (list as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(listSegments()).toBe(list);
  });

  it.each(['400', '40000', '4010', '3999', '', '４００６'])('segmentInfo(%j) is undefined', (segment) => {
    expect(segmentInfo(segment)).toBeUndefined();
  });
});

describe('data/segments.json', () => {
  it('every segment cites a source that exists, with a note', () => {
    for (const s of data.segments) {
      expect(Object.keys(data.sources)).toContain(s.source);
      expect(s.note.length).toBeGreaterThan(10);
    }
  });

  it('unconfirmed segments have no carrier and say no confirming source was found', () => {
    const unconfirmed = data.segments.filter((s) => s.status === 'unconfirmed');
    expect(unconfirmed.map((s) => s.segment)).toEqual(['4002', '4003', '4004', '4005']);
    for (const s of unconfirmed) {
      expect([s.carrier, s.carrierZh, s.carrierEn]).toEqual([null, null, null]);
      expect(s.note).toMatch(/no public source/i);
    }
  });

  it('the Unicom segments come from the seed text, which names both', () => {
    expect(data.segments.filter((s) => s.source === 'seed').map((s) => s.segment)).toEqual(['4000', '4006']);
    expect(data.sources.seed.title).toContain('中国联通400电话受理中心');
    expect(data.sources.seed.note).toMatch(/4006/);
    expect(data.sources.seed.note).toMatch(/4000/);
  });

  it('sources have a title, a note and a web address or null', () => {
    for (const source of Object.values(data.sources)) {
      expect(source.title.length).toBeGreaterThan(0);
      expect(source.note.length).toBeGreaterThan(0);
      if (source.url !== null) expect(source.url).toMatch(/^https?:\/\/[^\s]+$/);
    }
  });
});
