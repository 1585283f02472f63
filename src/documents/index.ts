/** The documents of a 400 application: the checklist, the licence code and the ID number checks. Runs in browsers. */
export { documentsFor, DOCUMENT_IDS, INDUSTRY_IDS, type DocumentId, type DocumentItem, type DocumentsChecklist, type DocumentsRequest, type IndustryId } from './documents-for.js';
export { checkCreditCode } from './credit-code.js';
export { checkIdNumber, idCheckDigit, maskIdNumber } from './id-number.js';
