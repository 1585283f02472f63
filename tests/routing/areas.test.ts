import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Vanity400Error, areaCodeInfo, findArea, listAreaCodes, parsePhoneNumber, readPhoneNumber } from '../../src/index.js';

const data = JSON.parse(readFileSync(new URL('../../data/area-codes.json', import.meta.url), 'utf8'));

describe('the area-code table', () => {
  it('covers the 31 province-level divisions of the mainland, each code with its province, cities and local-number lengths', () => {
    const codes = listAreaCodes();
    expect(new Set(codes.map((c) => c.province.short)).size).toBe(31);
    expect(codes.length).toBeGreaterThan(300);
    for (const c of codes) {
      expect(c.code).toMatch(/^0(10|2\d|[3-9]\d\d)$/);
      expect(c.cities.length).toBeGreaterThan(0);
      expect(c.localDigits.every((n) => n === 7 || n === 8)).toBe(true);
      if (c.code.length === 3) expect(c.localDigits).toEqual([8]);
    }
  });

  it('names a source the file lists for every entry, and for its lengths', () => {
    for (const entry of [...data.provinces, ...data.codes]) expect(Object.keys(data.sources)).toContain(entry.source);
    for (const entry of data.codes) expect(Object.keys(data.sources)).toContain(entry.digitsSource);
  });

  it('knows the shared codes and the retired ones', () => {
    expect(areaCodeInfo('0731')!.cities.map((c) => c.short)).toEqual(['长沙', '株洲', '湘潭']);
    expect(areaCodeInfo('028')!.cities.map((c) => c.short)).toEqual(['成都', '眉山', '资阳']);
    expect(areaCodeInfo('0852')).toBeUndefined(); // 遵义 joined 0851 in 2014
    expect(areaCodeInfo('0851')!.cities.map((c) => c.short)).toContain('遵义');
  });
});

describe('findArea', () => {
  it('reads codes, cities and provinces in Chinese and English', () => {
    expect(findArea('021')).toEqual({ kind: 'code', codes: ['021'], label: { zh: '上海（021）', en: 'Shanghai (021)' } });
    expect(findArea('755').codes).toEqual(['0755']);
    expect(findArea('深圳')).toMatchObject({ kind: 'city', codes: ['0755'] });
    expect(findArea('深圳市').codes).toEqual(['0755']);
    expect(findArea('Shenzhen').codes).toEqual(['0755']);
    expect(findArea('株洲').codes).toEqual(['0731']);
    const guangdong = findArea('广东');
    expect(guangdong.kind).toBe('province');
    expect(guangdong.codes).toContain('020');
    expect(guangdong.codes).toContain('0755');
    expect(guangdong.codes).not.toContain('0898');
    expect(findArea('广东省').codes).toEqual(guangdong.codes);
    expect(findArea('上海').kind).toBe('province'); // a municipality is both
    expect(findArea('吉林').kind).toBe('province');
    expect(findArea('吉林市').codes).toEqual(['0432']);
  });

  it('refuses unknown areas and English names two places share, saying what to write', () => {
    const fails = (text: string) => {
      try {
        findArea(text);
      } catch (error) {
        expect(error).toBeInstanceOf(Vanity400Error);
        expect((error as Vanity400Error).code).toBe('UNKNOWN_AREA');
        return (error as Vanity400Error).text;
      }
      throw new Error(`${text} was accepted`);
    };
    expect(fails('火星').zh).toContain('不认识的地区“火星”');
    expect(fails('0999999').en).toContain('unknown area');
    expect(fails('0199').zh).toBe('区号 0199 不是中国大陆的长途区号');
    const suzhou = fails('Suzhou');
    expect(suzhou.zh).toContain('苏州（0512）');
    expect(suzhou.zh).toContain('宿州（0557）');
    expect(suzhou.en).toContain('write the area code');
  });
});

describe('phone numbers (landing numbers and callers)', () => {
  it('reads fixed lines and mobiles as people write them', () => {
    for (const written of ['021-61234567', '02161234567', '(021) 6123 4567', '+86 21 6123 4567', '0086 21 61234567', '０２１－６１２３４５６７']) {
      expect(parsePhoneNumber(written), written).toEqual({ kind: 'fixed', number: '021-61234567', digits: '02161234567', display: '021-6123 4567', areaCode: '021' });
    }
    expect(parsePhoneNumber('0755-23456789').areaCode).toBe('0755');
    expect(parsePhoneNumber('0570-3234567').number).toBe('0570-3234567'); // 衢州: 7 digits
    for (const written of ['13800138000', '138-0013-8000', '+86 138 0013 8000', '8613800138000']) {
      expect(parsePhoneNumber(written), written).toEqual({ kind: 'mobile', number: '13800138000', digits: '13800138000', display: '138 0013 8000' });
    }
  });

  it.each([
    ['400-616-1615', '400 号码'],
    ['800-810-8888', '800 号码'],
    ['95588', '短号码'],
    ['10086', '特服号码'],
    ['61234567', '缺少区号'],
    ['0199-1234567', '区号 019 '],
    ['0755-1234567', '0755 的本地号码应为 8 位'],
    ['0570-32345678', '0570 的本地号码应为 7 位'],
    ['021-01234567', '不能以 0 开头'],
    ['12800138000', '13–19'],
    ['1380013800', '11 位'],
    ['+852 2123 4567', '中国大陆'],
    ['021-6123x4567', '“x”'],
    ['', '空的'],
  ])('refuses %j, saying why (%s)', (written, why) => {
    const reading = readPhoneNumber(written);
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.why.zh).toContain(why);
      expect(reading.why.en.length).toBeGreaterThan(10);
    }
    expect(() => parsePhoneNumber(written)).toThrow(expect.objectContaining({ code: 'BAD_LANDING_NUMBER' }));
  });
});
