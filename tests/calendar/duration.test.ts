import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/calendar/duration.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each([
    ['30m', 30 * MIN],
    ['2h', 2 * HOUR],
    ['1d', DAY],
    ['90s', 90_000],
    ['1h30m', 90 * MIN],
    ['1.5h', 90 * MIN],
    ['30分钟', 30 * MIN],
    ['30 分钟', 30 * MIN],
    ['2小时', 2 * HOUR],
    ['２小时', 2 * HOUR],
    ['两个小时', 2 * HOUR],
    ['两个钟头', 2 * HOUR],
    ['1天', DAY],
    ['三天', 3 * DAY],
    ['半小时', 30 * MIN],
    ['半天', 12 * HOUR],
    ['一个半小时', 90 * MIN],
    ['2小时半', 150 * MIN],
    ['1小时30分钟', 90 * MIN],
    ['十五分钟', 15 * MIN],
    ['二十分钟', 20 * MIN],
    ['四十五分钟', 45 * MIN],
    ['1周', 7 * DAY],
    ['一个星期', 7 * DAY],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['soon', '', '3', 'h', '0m', '个小时', '一百分钟', '2小时小时', '十十分钟', '半半小时', '2 hours please'])('refuses %j with BAD_DURATION in both languages', (text) => {
    let error: unknown;
    try {
      parseDuration(text, '--ttl');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Vanity400Error);
    const e = error as Vanity400Error;
    expect(e.code).toBe('BAD_DURATION');
    expect(e.messageIn('zh')).toBe(`--ttl “${text}”看不懂：请写成“30分钟”“2小时”“1天”（或 30m、2h、1d）这样的时长`);
    expect(e.messageIn('en')).toBe(`--ttl ${JSON.stringify(text)}: expected a duration such as 90s, 30m, 2h or 1d (or 30分钟, 2小时, 1天)`);
  });

  it('names what the duration is for, in Chinese as the salesperson reads it', () => {
    expect(() => parseDuration('明天', '保留时间')).toThrow(expect.objectContaining({ text: expect.objectContaining({ zh: expect.stringMatching(/^保留时间“明天”看不懂/) }) }));
    expect(() => parseDuration(30 as unknown as string)).toThrow(expect.objectContaining({ code: 'INVALID_TYPE' }));
  });
});
