import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../src/documents/credit-code.js';
import { documentsFor, type DocumentsRequest } from '../../src/documents/documents-for.js';
import { checkIdNumber, idCheckDigit, maskIdNumber } from '../../src/documents/id-number.js';
import { licenceCheckCharacter } from '../../src/inventory/licence.js';
import { caught } from '../phonetics/caught.js';

const code = (body: string) => body + licenceCheckCharacter(body);
const COMPANY = code('91110108MA01ABCD0');
const INSTITUTION = code('12100000400000624'); // 事业单位: may apply for a number, though never be an agent
/** GB 11643's published example: 11010519491231002X. */
const ID = '11010519491231002X';


const base: DocumentsRequest = { company: { name: '顺发物流有限公司', creditCode: COMPANY }, numbersHeld: 0, landingNumbers: ['010-87654321'] };

describe('checkIdNumber (GB 11643)', () => {
  it('accepts the standard example and returns it masked only', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(checkIdNumber(ID)).toEqual({ masked: '110***********002X' });
    expect(checkIdNumber(ID.toLowerCase())).toEqual({ masked: '110***********002X' });
  });

  it('refuses any single wrong digit, and never shows the number in the error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (at, shift) => {
        const chars = '0123456789X';
        const wrong = ID.slice(0, at) + chars[(chars.indexOf(ID[at]!) + shift) % (at === 17 ? 11 : 10)] + ID.slice(at + 1);
        const error = caught(() => checkIdNumber(wrong, 'handler.idNumber'));
        expect(error).toMatchObject({ code: 'BAD_ID_NUMBER', field: 'handler.idNumber' });
        for (const text of [error.message, error.messageIn('zh'), JSON.stringify(error.toJSON()), String(error.input)]) {
          expect(text).not.toContain(wrong);
          expect(text).not.toContain(wrong.slice(3, 14));
        }
      }),
    );
  });

  it.each([
    ['1101051949123100', /18 characters, got 16/],
    ['11010519491231A02X', /character 15 should be a digit/],
    ['11010519491331002X', /birth date/],
    ['11010519491231002Y', /last character/],
    ['110105194912310021', /check digit/],
  ])('refuses %s saying why', (id, why) => {
    expect(caught(() => checkIdNumber(id)).message).toMatch(why);
  });

  it('masks whatever it is given', () => {
    expect(maskIdNumber('12345')).toBe('*****');
    expect(caught(() => checkIdNumber(42)).message).not.toContain('42');
  });
});

describe('checkCreditCode (GB 32100)', () => {
  it('accepts any registered body, in upper case', () => {
    expect(checkCreditCode(COMPANY.toLowerCase())).toBe(COMPANY);
    expect(checkCreditCode(INSTITUTION)).toBe(INSTITUTION);
  });

  it('names the wrong check character, the bad character, the length, and a personal ID', () => {
    const wrong = COMPANY.slice(0, 17) + (COMPANY[17] === '0' ? '1' : '0');
    expect(caught(() => checkCreditCode(wrong, 'company.creditCode'))).toMatchObject({ code: 'BAD_LICENCE', field: 'company.creditCode', position: 17 });
    expect(caught(() => checkCreditCode(wrong)).messageIn('zh')).toContain(`校验码应为 ${COMPANY[17]}`);
    expect(caught(() => checkCreditCode(`${COMPANY.slice(0, 5)}I${COMPANY.slice(6)}`))).toMatchObject({ position: 5 });
    expect(caught(() => checkCreditCode(COMPANY.slice(0, 15))).message).toMatch(/18 characters, got 15/);
    expect(caught(() => checkCreditCode(ID)).messageIn('zh')).toMatch(/身份证号码/);
  });

  it('refuses every random string that does not check, never crashing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (s) => {
        try {
          expect(checkCreditCode(s)).toBe(s.toUpperCase());
        } catch (error) {
          expect(error).toMatchObject({ code: 'BAD_LICENCE' });
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('documentsFor', () => {
  it('lists the licence, the ID and the landing declaration, each with why, and what is missing', () => {
    const list = documentsFor(base);
    expect(list.documents.map((d) => d.id)).toEqual(['business-licence', 'handler-id', 'landing-real-name']);
    expect(list.missing).toEqual(list.documents);
    expect(list.complete).toBe(false);
    for (const d of list.documents) expect(d.why.zh.length * d.why.en.length).toBeGreaterThan(0);
    expect(list.documents[2]!.detail!.zh).toContain('010-87654321');
  });

  it('is complete once everything is handed in and the ID checks; it keeps the ID only masked', () => {
    const list = documentsFor({ ...base, handler: { idNumber: ID }, provided: ['business-licence', 'handler-id', 'landing-real-name'] });
    expect(list.complete).toBe(true);
    expect(list.handler).toEqual({ idMasked: '110***********002X' });
    expect(JSON.stringify(list)).not.toContain(ID);
  });

  it('counts the ID card as missing until its number is given', () => {
    const list = documentsFor({ ...base, provided: ['business-licence', 'handler-id', 'landing-real-name'] });
    expect(list.missing.map((d) => d.id)).toEqual(['handler-id']);
  });

  it('asks for the multi-number statement when the company will have more than one number', () => {
    expect(documentsFor({ ...base, numbersHeld: 1 }).documents.map((d) => d.id)).toContain('multi-number-purpose');
    expect(documentsFor({ ...base, numbersApplying: 2 }).documents.map((d) => d.id)).toContain('multi-number-purpose');
    expect(documentsFor(base).documents.map((d) => d.id)).not.toContain('multi-number-purpose');
  });

  it.each([
    ['education', /办学许可证/],
    ['medical', /医疗机构执业许可证/],
    ['finance', /金融许可证/],
  ])('adds the %s licence', (industry, name) => {
    const item = documentsFor({ ...base, industry: industry as never }).documents.at(-1)!;
    expect(item).toMatchObject({ id: 'industry-licence', provided: false });
    expect(item.zh).toMatch(name);
  });

  it('lists a landing number written twice, in two forms, once', () => {
    const list = documentsFor({ ...base, landingNumbers: ['010-87654321', '01087654321', '13800138000', '010 8765 4321'] });
    expect(list.landingNumbers.map((l) => l.display)).toEqual(['010-87654321', '138-0013-8000']);
    expect(list.documents.find((d) => d.id === 'landing-real-name')?.detail?.zh).toBe('列明落地号码 010-87654321、138-0013-8000，均为申请单位实名办理');
  });

  it('needs a landing number for the declaration', () => {
    const list = documentsFor({ ...base, landingNumbers: [], provided: ['landing-real-name'] });
    expect(list.missing.map((d) => d.id)).toContain('landing-real-name');
  });

  it.each([
    [{ company: { name: 'x', creditCode: 'nope' } }, 'BAD_LICENCE', 'company.creditCode'],
    [{ company: { name: '', creditCode: COMPANY } }, 'BAD_ARGUMENT', 'company.name'],
    [{ handler: { idNumber: '110105194912310021' } }, 'BAD_ID_NUMBER', 'handler.idNumber'],
    [{ landingNumbers: ['010-87654321', '400-123-4567'] }, 'BAD_LANDING_NUMBER', 'landingNumbers[1]'],
    [{ numbersHeld: -1 }, 'BAD_ARGUMENT', 'numbersHeld'],
    [{ industry: 'mining' }, 'BAD_ARGUMENT', 'industry'],
    [{ provided: ['licence'] }, 'BAD_ARGUMENT', 'provided[0]'],
  ])('refuses %j, naming the field in both languages', (change, code, field) => {
    const error = caught(() => documentsFor({ ...base, ...change } as DocumentsRequest));
    expect(error).toMatchObject({ code, field });
    expect(error.message).toContain(field);
    expect(error.messageIn('zh')).toContain(field);
    expect(error.messageIn('zh')).not.toBe(error.message);
  });
});
