import { chineseOf } from './catalogue.js';

/** Machine-readable codes carried by every error this library throws on bad input. */
export type ErrorCode =
  // numbers
  | 'INVALID_TYPE'
  | 'EMPTY'
  | 'BAD_CHARACTER'
  | 'WRONG_LENGTH'
  | 'NOT_400'
  | 'UNKNOWN_SEGMENT'
  | 'UNKNOWN_STYLE'
  // scoring
  | 'UNKNOWN_PROFILE'
  | 'BAD_PROFILE'
  | 'BAD_COMPANY'
  | 'BAD_DATA'
  | 'UNKNOWN_LANGUAGE'
  // pools and search
  | 'BAD_NUMBERS'
  | 'BAD_SNAPSHOT'
  | 'STALE_SNAPSHOT'
  | 'BAD_QUERY'
  | 'BAD_PATTERN'
  // agent inventory
  | 'BAD_LICENCE'
  | 'NOT_A_COMPANY'
  | 'BAD_AGENT'
  | 'DUPLICATE_AGENT'
  | 'UNKNOWN_AGENT'
  | 'BAD_RESERVATION'
  | 'DUPLICATE_NUMBER'
  | 'OVERLAP'
  | 'QUOTA_EXCEEDED'
  | 'NOT_RESERVED'
  | 'NOT_AVAILABLE'
  | 'NOT_HELD'
  | 'NOT_HOLDER'
  | 'BAD_ARGUMENT'
  | 'BAD_OP'
  | 'STORE_CLOSED'
  | 'STORE_UNAVAILABLE'
  | 'BAD_STORE'
  | 'NO_STORE'
  | 'MISSING_PACKAGE'
  | 'BAD_CONFIG'
  | 'BAD_JOURNAL'
  | 'JOURNAL_LOCKED'
  | 'JOURNAL_FAILED'
  | 'BAD_IMPORT'
  | 'BAD_CURSOR'
  | 'BAD_PHRASE'
  // calendar
  | 'BAD_DATE'
  | 'BAD_DURATION'
  // packages, documents and orders
  | 'BAD_PACKAGES'
  | 'UNKNOWN_PACKAGE'
  | 'BELOW_MINIMUM_SPEND'
  | 'BAD_ID_NUMBER'
  | 'BAD_LANDING_NUMBER'
  | 'MISSING_DOCUMENTS'
  | 'BAD_ORDER'
  | 'STEP_OUT_OF_ORDER'
  | 'UNKNOWN_ORDER'
  | 'DUPLICATE_ORDER'
  // call routing and call records
  | 'UNKNOWN_AREA'
  | 'BAD_TIME'
  | 'BAD_ROUTING'
  | 'BAD_CALL'
  | 'BAD_RECORDS';

/** A message in both languages the library speaks. */
export interface LocalText {
  /** Chinese. */
  zh: string;
  /** English. */
  en: string;
}

/**
 * The one error class of the library. `code` is stable (part of the public contract);
 * `message` names the input and, where it applies, the offending position. Errors made with a
 * {@link LocalText} also carry the Chinese text: {@link Vanity400Error.messageIn} picks one.
 */
export class Vanity400Error extends Error {
  /** What went wrong, e.g. `WRONG_LENGTH`; stable across versions, so code can branch on it. */
  readonly code: ErrorCode;
  /** The message in Chinese and English (`message` is the English one). */
  readonly text: LocalText;
  /** The value that was rejected, as given. */
  readonly input?: unknown;
  /** 0-based index into `input` (a string) of the offending character, where one is to blame. */
  readonly position?: number;
  /** The field of a form, file or request that is wrong, e.g. `packages[2].ratePerMinute` or `handler.idNumber`. */
  readonly field?: string;

  constructor(code: ErrorCode, message: string | LocalText, details: { input?: unknown; position?: number; field?: string } = {}) {
    // A message given in English alone gets its Chinese from the catalogue (the English where it has no entry).
    const text = typeof message === 'string' ? { zh: chineseOf(code, message) ?? message, en: message } : message;
    super(text.en);
    this.name = 'Vanity400Error';
    this.code = code;
    this.text = text;
    if ('input' in details) this.input = details.input;
    if (details.position !== undefined) this.position = details.position;
    if (details.field !== undefined) this.field = details.field;
  }

  /** The message in `lang` (Chinese `'zh'` or English `'en'`). */
  messageIn(lang: 'zh' | 'en'): string {
    return lang === 'zh' ? this.text.zh : this.text.en;
  }

  /** A JSON-safe view: `{ code, message, position?, field? }`, the message in `lang` (English by default). */
  toJSON(lang: 'zh' | 'en' = 'en'): {
    /** As {@link Vanity400Error.code}. */
    code: ErrorCode;
    /** As the error's message. */
    message: string;
    /** As {@link Vanity400Error.position}; left out when there is none. */
    position?: number;
    /** As {@link Vanity400Error.field}; left out when there is none. */
    field?: string;
  } {
    const json: { code: ErrorCode; message: string; position?: number; field?: string } = { code: this.code, message: this.messageIn(lang) };
    if (this.position !== undefined) json.position = this.position;
    if (this.field !== undefined) json.field = this.field;
    return json;
  }
}

/** Whether a caught value is a {@link Vanity400Error} (an error about bad input, with a `code`). */
export function isVanity400Error(value: unknown): value is Vanity400Error {
  return value instanceof Vanity400Error;
}
