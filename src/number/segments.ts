import data from '../../data/segments.json';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Carrier, SegmentInfo } from './types.js';

const CARRIERS: readonly string[] = ['unicom', 'mobile', 'telecom'];

function badData(detail: string): Vanity400Error {
  return new Vanity400Error('BAD_DATA', `data/segments.json is malformed: ${detail}.`);
}

// The JSON is typed loosely by the compiler (carrier: string | null), so check it once at load.
function load(): readonly SegmentInfo[] {
  const list: SegmentInfo[] = [];
  for (const [i, raw] of data.segments.entries()) {
    const expected = `400${i}`;
    if (raw.segment !== expected) throw badData(`entry ${i} should be segment ${expected}, found ${JSON.stringify(raw.segment)}`);
    const confirmed = raw.status === 'confirmed';
    if (!confirmed && raw.status !== 'unconfirmed') throw badData(`segment ${expected} has unknown status ${JSON.stringify(raw.status)}`);
    const carrier = raw.carrier;
    if (confirmed ? carrier === null || !CARRIERS.includes(carrier) : carrier !== null) {
      throw badData(`segment ${expected} has carrier ${JSON.stringify(carrier)} with status ${raw.status}`);
    }
    if (!(raw.source in data.sources)) throw badData(`segment ${expected} cites unknown source ${JSON.stringify(raw.source)}`);
    list.push(
      Object.freeze({
        segment: expected,
        carrier: carrier as Carrier | null,
        carrierZh: raw.carrierZh,
        carrierEn: raw.carrierEn,
        confirmed,
      }),
    );
  }
  if (list.length !== 10) throw badData(`expected 10 segments (4000-4009), found ${list.length}`);
  return Object.freeze(list);
}

const SEGMENTS = load();
const BY_SEGMENT = new Map<unknown, SegmentInfo>(SEGMENTS.map((s) => [s.segment, s]));

/** Facts about a segment such as "4006", or undefined if it is not one of 4000–4009. */
export function segmentInfo(segment: string): SegmentInfo | undefined {
  return BY_SEGMENT.get(segment);
}

/** All ten segments 4000–4009 in order, confirmed or not (frozen). */
export function listSegments(): readonly SegmentInfo[] {
  return SEGMENTS;
}
