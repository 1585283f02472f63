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
  | 'BAD_JOURNAL'
  | 'JOURNAL_LOCKED'
  | 'JOURNAL_FAILED'
  | 'BAD_IMPORT'
  | 'BAD_CURSOR'
  | 'BAD_PHRASE';

/**
 * The one error class of the library. `code` is stable (part of the public contract);
 * `message` names the input and, where it applies, the offending position.
 */
export class Vanity400Error extends Error {
  /** What went wrong, e.g. `WRONG_LENGTH`; stable across versions, so code can branch on it. */
  readonly code: ErrorCode;
  /** The value that was rejected, as given. */
  readonly input?: unknown;
  /** 0-based index into `input` (a string) of the offending character, where one is to blame. */
  readonly position?: number;

  constructor(code: ErrorCode, message: string, details: { input?: unknown; position?: number } = {}) {
    super(message);
    this.name = 'Vanity400Error';
    this.code = code;
    if ('input' in details) this.input = details.input;
    if (details.position !== undefined) this.position = details.position;
  }

  /** A JSON-safe view: `{ code, message, position? }`. */
  toJSON(): {
    /** As {@link Vanity400Error.code}. */
    code: ErrorCode;
    /** As the error's message. */
    message: string;
    /** As {@link Vanity400Error.position}; left out when there is none. */
    position?: number;
  } {
    return this.position === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, position: this.position };
  }
}

/** Whether a caught value is a {@link Vanity400Error} (an error about bad input, with a `code`). */
export function isVanity400Error(value: unknown): value is Vanity400Error {
  return value instanceof Vanity400Error;
}
