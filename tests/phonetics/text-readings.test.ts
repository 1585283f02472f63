import { describe, expect, it } from 'vitest';
import { readText, tradeName, SYLLABLE_FLOOR } from '../../src/phonetics/text-readings.js';
import { phraseToDigits } from '../../src/phonetics/phrase-to-digits.js';
import { meaningReadings } from '../../src/phonetics/meanings.js';

describe('tradeName', () => {
  it.each([
    ['深圳市一路发物流有限公司', '一路发'],
    ['顺丰速运', '顺丰'],
    ['九九药房', '九九'],
    ['北京百度网讯科技有限公司', '百度网讯'],
    ['金六福酒业', '金六福'],
    ['美的', '美的'],
    ['一号店', '一号'],
    ['中国平安保险（集团）股份有限公司', '平安'],
  ])('%s → %s', (name, core) => {
    expect(tradeName(name)).toBe(core);
  });
});

describe('readText', () => {
  it('reads a name by its whole trade name, never half a word', async () => {
    const { pieces, readings } = await readText('一路发物流', 'name');
    expect(pieces).toEqual(['一路发']);
    expect(readings.map((r) => r.digits)).toContain('168');
    for (const r of readings) expect(r.words).toBe('一路发');
  });

  it('keeps a reading only if every syllable reaches the floor', async () => {
    for (const text of ['顺顺利利', '发财', '平安', '好运', '美的', '安心', '顺丰', '金六福']) {
      expect((await readText(text, 'phrase')).readings, text).toEqual([]);
    }
    // what the floor turns away was offered before: the best composed reading of 金六福 has a syllable below it
    const [best] = await phraseToDigits('金六福');
    expect(Math.min(...best!.readings.map((r) => r.score))).toBeLessThan(SYLLABLE_FLOOR);
  });

  it('never hears a syllable as a digit of another vowel', async () => {
    const digits = (await readText('一路有我', 'phrase')).readings.map((r) => r.digits);
    expect(digits).toEqual(['1615']);
  });

  it('grades each reading as a salesperson would', async () => {
    const grade = async (text: string) => (await readText(text, 'phrase')).readings.map((r) => `${r.digits}:${r.grade}`);
    expect(await grade('一路有我')).toEqual(['1615:known']);
    expect(await grade('发发')).toEqual(['88:close']);
    expect(await grade('一路发')).toEqual(['168:known', '164:near']);
  });

  it('reads a slogan whole and by clauses', async () => {
    const { pieces, readings } = await readText('一路有我，服务到家', 'phrase');
    expect(pieces).toEqual(['一路有我', '服务到家']);
    expect(readings.map((r) => r.digits)).toEqual(['1615']);
  });

  it('rejects what is not text, and a kind it does not know', async () => {
    await expect(readText(5 as never, 'name')).rejects.toMatchObject({ code: 'INVALID_TYPE' });
    await expect(readText('一路发', 'word' as never)).rejects.toMatchObject({ code: 'BAD_QUERY' });
    await expect(readText('hello!!', 'phrase')).rejects.toMatchObject({ code: 'BAD_PHRASE' });
  });
});

describe('meaningReadings', () => {
  it('finds a meaning by a whole word, in Chinese, pinyin or English', () => {
    for (const q of ['发财', 'facai', 'fā cái', 'prosper', 'Wealth']) {
      const answer = meaningReadings(q);
      expect(answer.meaning, q).toBe('发财');
      expect(answer.readings.map((r) => r.digits), q).toEqual(expect.arrayContaining(['168', '518', '888']));
    }
  });

  it('never takes an entry that merely shares a character', () => {
    expect(meaningReadings('运')).toEqual({ meaning: null, readings: [] });
    expect(meaningReadings('五四运动')).toEqual({ meaning: null, readings: [] });
    for (const r of meaningReadings('好运').readings) expect(r.zh).not.toMatch(/奥运|五四/);
  });

  it('finds memorable numbers by their Chinese name', () => {
    expect(meaningReadings('珠峰').readings[0]).toMatchObject({ digits: '8848', from: 'name' });
    expect(meaningReadings('珠穆朗玛峰').readings[0]!.digits).toBe('8848');
    expect(meaningReadings('北京奥运').readings[0]!.digits).toBe('2008');
  });

  it('leaves out readings a business would not put on its number', () => {
    const love = meaningReadings('爱情').readings.map((r) => r.digits);
    expect(love).toEqual(expect.arrayContaining(['520', '1314']));
    for (const d of ['7758', '880', '510']) expect(love).not.toContain(d);
  });

  it('rejects an empty or non-string meaning', () => {
    expect(() => meaningReadings('  ')).toThrow(/寓意为空|empty/);
    expect(() => meaningReadings(5 as never)).toThrow(/string/);
  });
});
