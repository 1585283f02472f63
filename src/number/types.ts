/** The three carriers that issue 400 numbers. */
export type Carrier = 'unicom' | 'mobile' | 'telecom';

/** What is known about one 400 segment (the first four digits, 4000–4009). */
export interface SegmentInfo {
  /** Four ASCII digits, e.g. "4006". */
  segment: string;
  /** null when no public source confirms who issues the segment. */
  carrier: Carrier | null;
  /** Carrier name in Chinese, e.g. "中国联通"; null when unknown. */
  carrierZh: string | null;
  /** Carrier name in English, e.g. "China Unicom"; null when unknown. */
  carrierEn: string | null;
  /** true when a public source confirms the segment is issued. */
  confirmed: boolean;
}

/** A parsed 400 number. */
export interface Number400 {
  /** The 10 ASCII digits, e.g. "4008517517". */
  digits: string;
  /** The first 4 digits, e.g. "4008". */
  segment: string;
  /** The issuing carrier, or null for an unconfirmed segment. */
  carrier: Carrier | null;
}

/**
 * How to write a number: '3-3-4' → 400-851-7517, '4-3-3' → 4008-517-517,
 * '3-4-3' → 400-8517-517, 'compact' → 4008517517, 'e164' → +864008517517.
 */
export type FormatStyle = '3-3-4' | '4-3-3' | '3-4-3' | 'compact' | 'e164';

/** Options of {@link parse}, {@link tryParse} and {@link isValid400}. */
export interface ParseOptions {
  /** Accept numbers in segments 4002–4005, which no public source confirms as issued. Default false. */
  allowUnconfirmed?: boolean;
}
