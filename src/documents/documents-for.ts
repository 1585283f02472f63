import data from '../../data/documents.json';
import { quoted, guardFields, guardObject } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { parseLandingNumber, type LandingNumber } from '../number/landing-number.js';
import { checkCreditCode } from './credit-code.js';
import { checkIdNumber } from './id-number.js';

/** The documents of an application, as {@link documentsFor} names them. */
export type DocumentId = 'business-licence' | 'handler-id' | 'multi-number-purpose' | 'landing-real-name' | 'industry-licence';

/** The industries that must add a licence (data/documents.json). */
export type IndustryId = 'education' | 'medical' | 'finance';

/** The ids {@link documentsFor} knows, in the order it lists them. */
export const DOCUMENT_IDS: readonly DocumentId[] = ['business-licence', 'handler-id', 'multi-number-purpose', 'landing-real-name', 'industry-licence'];
/** The industries with a licence of their own, from data/documents.json. */
export const INDUSTRY_IDS: readonly IndustryId[] = /* @__PURE__ */ data.industries.map((i) => i.id as IndustryId);

/** What {@link documentsFor} is asked about: the applicant and what it has handed in so far. */
export interface DocumentsRequest {
  /** The applying company (or other registered body): its name and the 统一社会信用代码 on its business licence. */
  company: {
    /** Its registered name. */
    name: string;
    /** 18 characters, checked by the GB 32100 check character. */
    creditCode: string;
  };
  /** The handler (经办人): the ID number is checked (GB 11643) and kept only masked. */
  handler?: {
    /** The 18-character resident ID number. */
    idNumber: string;
  };
  /** 400 numbers the company already has. */
  numbersHeld: number;
  /** 400 numbers in this application (default 1). */
  numbersApplying?: number;
  /** The landing numbers (落地号码) the 400 number will ring. */
  landingNumbers: readonly string[];
  /** Its industry, when it is one that needs a licence: education, medical or finance. */
  industry?: IndustryId;
  /** Documents already handed in. */
  provided?: readonly DocumentId[];
}

/** One document to prepare. */
export interface DocumentItem {
  /** Which document. */
  id: DocumentId;
  /** Its name in Chinese. */
  zh: string;
  /** Its name in English. */
  en: string;
  /** Why it is needed. */
  why: LocalText;
  /** Whether it has been handed in (and its details checked). */
  provided: boolean;
  /** What it must show or what is still wrong, e.g. the landing numbers it lists. */
  detail?: LocalText;
}

/** What {@link documentsFor} answers. */
export interface DocumentsChecklist {
  /** The company, its code checked and in upper case. */
  company: {
    /** Its registered name. */
    name: string;
    /** The unified social credit code. */
    creditCode: string;
  };
  /** The handler's ID, masked (`110***********002X`), when given. */
  handler?: {
    /** The masked ID number. */
    idMasked: string;
  };
  /** The landing numbers, read. */
  landingNumbers: LandingNumber[];
  /** Every document the application needs, in order. */
  documents: DocumentItem[];
  /** Those not handed in yet. */
  missing: DocumentItem[];
  /** Whether nothing is missing. */
  complete: boolean;
}

type DocumentData = (typeof data.documents)[number];
const DOCUMENTS = /* @__PURE__ */ new Map<string, DocumentData>(/* @__PURE__ */ data.documents.map((d) => [d.id, d]));
const INDUSTRIES = /* @__PURE__ */ new Map(/* @__PURE__ */ data.industries.map((i) => [i.id, i]));

function bad(field: string, value: unknown, expected: LocalText): never {
  const text = quoted(value, 60);
  throw new Vanity400Error('BAD_ARGUMENT', { zh: `${field} ${text} 无效：${expected.zh}`, en: `${field} ${text} is not valid: ${expected.en}` }, { input: value, field });
}

function count(field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 10_000) {
    bad(field, value, { zh: `应为 ${min} 到 10000 的整数`, en: `expected a whole number from ${min} to 10000` });
  }
  return value;
}

/**
 * The documents a 400 application needs and which are still missing, each with why: the business
 * licence (its 统一社会信用代码 checked), the handler's ID card (the number checked and only kept masked),
 * a stamped statement of each number's purpose when the company will have more than one 400 number, a
 * declaration that every landing number is the applicant's own in its real name, and the licence of an
 * industry that needs one (education, medical, finance; data/documents.json).
 *
 * @throws Vanity400Error BAD_LICENCE (`company.creditCode`), BAD_ID_NUMBER (`handler.idNumber`),
 *   BAD_LANDING_NUMBER (`landingNumbers[i]`), BAD_ARGUMENT for any other field, each naming the field.
 */
export function documentsFor(request: DocumentsRequest): DocumentsChecklist {
  guardObject(request, 'documentsFor(): request', '{ company, numbersHeld, landingNumbers } 对象', 'an object { company, numbersHeld, landingNumbers }');
  guardFields(request, 'request', { company: 'object', handler: 'object?', numbersHeld: 'number', numbersApplying: 'number?', landingNumbers: 'array', industry: 'string?', provided: 'array?' });
  guardFields(request.company, 'request.company', { name: 'string', creditCode: 'string' });
  const { company, handler } = request;
  if (typeof company !== 'object' || company === null) bad('company', company, { zh: '应为 { name, creditCode }', en: 'expected { name, creditCode }' });
  if (typeof company.name !== 'string' || company.name.trim() === '' || company.name.length > 200) {
    bad('company.name', company.name, { zh: '应为营业执照上的单位名称', en: 'expected the name on the business licence' });
  }
  const creditCode = checkCreditCode(company.creditCode, 'company.creditCode');
  if (handler !== undefined && (typeof handler !== 'object' || handler === null)) bad('handler', handler, { zh: '应为 { idNumber }', en: 'expected { idNumber }' });
  const id = handler === undefined ? undefined : checkIdNumber(handler.idNumber, 'handler.idNumber');
  const held = count('numbersHeld', request.numbersHeld, 0);
  const applying = request.numbersApplying === undefined ? 1 : count('numbersApplying', request.numbersApplying, 1);
  if (!Array.isArray(request.landingNumbers)) bad('landingNumbers', request.landingNumbers, { zh: '应为落地号码的数组', en: 'expected an array of landing numbers' });
  // One landing number written twice (0755-88881234, 075588881234) is listed once.
  const landing = [...new Map(request.landingNumbers.map((n, i) => parseLandingNumber(n, `landingNumbers[${i}]`)).map((l) => [l.digits, l] as const)).values()];
  const industry = request.industry === undefined ? undefined : INDUSTRIES.get(request.industry);
  if (request.industry !== undefined && !industry) {
    bad('industry', request.industry, { zh: `应为 ${INDUSTRY_IDS.join('、')} 之一（其他行业不用填）`, en: `expected one of ${INDUSTRY_IDS.join(', ')} (leave it out for any other industry)` });
  }
  const provided = request.provided ?? [];
  if (!Array.isArray(provided)) bad('provided', provided, { zh: '应为已交资料的数组', en: 'expected an array of documents handed in' });
  provided.forEach((p, i) => {
    if (!(DOCUMENT_IDS as readonly unknown[]).includes(p)) bad(`provided[${i}]`, p, { zh: `应为 ${DOCUMENT_IDS.join('、')} 之一`, en: `expected one of ${DOCUMENT_IDS.join(', ')}` });
  });

  const item = (docId: DocumentId, checked: boolean, detail?: LocalText): DocumentItem => {
    const d = DOCUMENTS.get(docId)!;
    const out: DocumentItem = { id: docId, zh: d.zh, en: d.en, why: d.why, provided: provided.includes(docId) && checked };
    if (detail) out.detail = detail;
    return out;
  };
  const documents: DocumentItem[] = [
    item('business-licence', true, { zh: `统一社会信用代码 ${creditCode}，校验通过`, en: `unified social credit code ${creditCode}, checked` }),
    item(
      'handler-id',
      id !== undefined,
      id ? { zh: `身份证号 ${id.masked}，校验通过`, en: `ID number ${id.masked}, checked` } : { zh: '还需要经办人的身份证号码', en: "the handler's ID number is still needed" },
    ),
  ];
  if (held + applying > 1) {
    documents.push(
      item('multi-number-purpose', true, {
        zh: `单位已有 ${held} 个 400 号码，这次申请 ${applying} 个，每个号码写明用途`,
        en: `the company has ${held} 400 number${held === 1 ? '' : 's'} and applies for ${applying}: state what each is for`,
      }),
    );
  }
  documents.push(
    item(
      'landing-real-name',
      landing.length > 0,
      landing.length
        ? { zh: `列明落地号码 ${landing.map((l) => l.display).join('、')}，均为申请单位实名办理`, en: `list the landing numbers ${landing.map((l) => l.display).join(', ')}, each in the applicant's name` }
        : { zh: '还没有落地号码：受理单上至少要有一个', en: 'no landing number yet: the acceptance form needs at least one' },
    ),
  );
  if (industry) {
    documents.push({
      id: 'industry-licence',
      zh: industry.licence.zh,
      en: industry.licence.en,
      why: industry.why,
      provided: provided.includes('industry-licence'),
      detail: { zh: `${industry.zh}行业`, en: `the ${industry.en} industry` },
    });
  }
  const missing = documents.filter((d) => !d.provided);
  const result: DocumentsChecklist = { company: { name: company.name, creditCode }, landingNumbers: landing, documents, missing, complete: missing.length === 0 };
  if (id) result.handler = { idMasked: id.masked };
  return result;
}
