import data from '../../data/segments.json';
import { badSegmentData as badData } from './errors.js';
import type { Carrier, SegmentInfo } from './types.js';
import { guardString } from '../errors/guards.js';

const CARRIERS: readonly string[] = ['unicom', 'mobile', 'telecom'];

// The JSON is typed loosely by the compiler (carrier: string | null), so check it once at load.
function load(): readonly SegmentInfo[] {
  const list: SegmentInfo[] = [];
  for (const [i, raw] of data.segments.entries()) {
    const expected = `400${i}`;
    if (raw.segment !== expected) throw badData({ zh: `第 ${i} 项应为号段 ${expected}，实际是 ${JSON.stringify(raw.segment)}`, en: `entry ${i} should be segment ${expected}, found ${JSON.stringify(raw.segment)}` });
    const confirmed = raw.status === 'confirmed';
    if (!confirmed && raw.status !== 'unconfirmed') throw badData({ zh: `号段 ${expected} 的状态 ${JSON.stringify(raw.status)} 无法识别`, en: `segment ${expected} has unknown status ${JSON.stringify(raw.status)}` });
    const carrier = raw.carrier;
    if (confirmed ? carrier === null || !CARRIERS.includes(carrier) : carrier !== null) {
      throw badData({ zh: `号段 ${expected} 的运营商 ${JSON.stringify(carrier)} 与状态 ${raw.status} 不符`, en: `segment ${expected} has carrier ${JSON.stringify(carrier)} with status ${raw.status}` });
    }
    if (!(raw.source in data.sources)) throw badData({ zh: `号段 ${expected} 引用了不存在的来源 ${JSON.stringify(raw.source)}`, en: `segment ${expected} cites unknown source ${JSON.stringify(raw.source)}` });
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
  if (list.length !== 10) throw badData({ zh: `应有 10 个号段（4000-4009），实际有 ${list.length} 个`, en: `expected 10 segments (4000-4009), found ${list.length}` });
  return Object.freeze(list);
}

const SEGMENTS = load();
const BY_SEGMENT = new Map<unknown, SegmentInfo>(SEGMENTS.map((s) => [s.segment, s]));

/** Facts about a segment such as "4006", or undefined if it is not one of 4000–4009. */
export function segmentInfo(segment: string): SegmentInfo | undefined {
  guardString(segment, 'segmentInfo(): segment');
  return BY_SEGMENT.get(segment);
}

/** All ten segments 4000–4009 in order, confirmed or not (frozen). */
export function listSegments(): readonly SegmentInfo[] {
  return SEGMENTS;
}
