import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/inventory/store.js';
import { openJournalStore } from '../../src/node/inventory/journal-store.js';
import { companyLicence, makeAgent, manualClock, rejection } from './helpers.js';
import { storeContract } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'vanity400-journal-'));
let files = 0;
const newPath = (): string => join(dir, `journal-${++files}.jsonl`);

storeContract('journal store', (options) => openJournalStore(newPath(), options));

async function everything(store: Store) {
  const agents = await store.agents();
  const lists = await Promise.all(agents.map((a) => store.list(a.id)));
  return { agents, lists, counts: await store.counts() };
}

/** A journal with an agent, a range, and one of each state change. */
async function sampleJournal(clock = manualClock()) {
  const path = newPath();
  const store = await openJournalStore(path, { now: clock.now });
  await store.addAgent(makeAgent('a1', 1));
  await store.addAgent(makeAgent('s1', 2, { level: 'second', parent: 'a1', verified: false }));
  await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-999' });
  await store.reserve({ agent: 's1', numbers: ['4008-517-517', '4008-888-000'] });
  await store.hold('4006-123-001', 'alice', 60_000);
  await store.hold('4006-123-002', 'bob', 10_000);
  await store.hold('4006-123-003', 'carol', 60_000);
  await store.release('4006-123-003', 'carol');
  await store.sell('4008-517-517', 'dave');
  await store.withdraw('4006-123-999');
  const before = await everything(store);
  await store.close();
  return { path, clock, before };
}

describe('journal store: recovery', () => {
  it('writes one JSON line per acknowledged change after a header', async () => {
    const { path } = await sampleJournal();
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ journal: 'vanity400-inventory', version: 1 });
    expect(lines.slice(1).map((l) => (JSON.parse(l) as { op: string }).op)).toEqual([
      'agent', 'agent', 'reserve', 'reserve', 'hold', 'hold', 'hold', 'release', 'sell', 'withdraw',
    ]);
  });

  it('reopening replays everything, and holds still expire by the clock', async () => {
    const { path, clock, before } = await sampleJournal();
    const store = await openJournalStore(path, { now: clock.now });
    expect(await everything(store)).toEqual(before);
    clock.advance(10_000);
    expect(await store.who('4006-123-002')).toMatchObject({ status: 'available' });
    expect(await store.who('4006-123-001')).toMatchObject({ status: 'held', customer: 'alice' });
    await store.sell('4006-123-002', 'erin');
    await store.close();
    const again = await openJournalStore(path, { now: clock.now });
    expect(await again.who('4006-123-002')).toMatchObject({ status: 'sold', customer: 'erin' });
    await again.close();
  });

  it('a torn last line (no newline) is ignored and truncated', async () => {
    const { path, clock, before } = await sampleJournal();
    const size = statSync(path).size;
    appendFileSync(path, '{"op":"hold","at":1,"number":"4006123010","cus');
    const store = await openJournalStore(path, { now: clock.now });
    expect(statSync(path).size).toBe(size);
    expect(await everything(store)).toEqual(before);
    await store.hold('4006-123-010', 'frank', 60_000);
    await store.close();
    const again = await openJournalStore(path, { now: clock.now });
    expect(await again.who('4006-123-010')).toMatchObject({ status: 'held', customer: 'frank' });
    await again.close();
    expect(readFileSync(path, 'utf8').split('\n').slice(1, -1).every((l) => JSON.parse(l) !== null)).toBe(true);
  });

  it('a complete but unparseable last line (a block lost in a crash) is ignored and truncated too', async () => {
    const { path, clock, before } = await sampleJournal();
    const size = statSync(path).size;
    appendFileSync(path, '{"op":"sell","at":1,"num\0\0\0\0\n');
    const store = await openJournalStore(path, { now: clock.now });
    expect(statSync(path).size).toBe(size);
    expect(await everything(store)).toEqual(before);
    await store.close();
  });

  it('a corrupt line in the middle is an error naming the line, and the file is left alone', async () => {
    const { path, clock } = await sampleJournal();
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[5] = '{"op":"hold","at":1,"numb';
    writeFileSync(path, lines.join('\n'));
    const error = await rejection(openJournalStore(path, { now: clock.now }));
    expect(error).toMatchObject({ code: 'BAD_JOURNAL', message: expect.stringContaining('line 6 is not valid JSON') });
    expect(readFileSync(path, 'utf8')).toBe(lines.join('\n'));
    // The failed open left no lock behind.
    expect((await rejection(openJournalStore(path))).code).toBe('BAD_JOURNAL');
  });

  it('a well-formed line that cannot be replayed is an error naming the line', async () => {
    const { path, clock } = await sampleJournal();
    appendFileSync(path, `${JSON.stringify({ op: 'sell', at: 1, number: '4009000000', customer: 'x' })}\n`);
    appendFileSync(path, `${JSON.stringify({ op: 'withdraw', at: 1, number: '4006123000' })}\n`);
    const error = await rejection(openJournalStore(path, { now: clock.now }));
    expect(error).toMatchObject({ code: 'BAD_JOURNAL', message: expect.stringMatching(/line 12 cannot be replayed: .*4009-000-000 is not reserved/) });
  });

  it('refuses a file that is not a journal, without touching it', async () => {
    const path = newPath();
    writeFileSync(path, 'name,number\nacme,4008517517');
    expect(await rejection(openJournalStore(path))).toMatchObject({ code: 'BAD_JOURNAL' });
    writeFileSync(path, 'just one line without a newline');
    expect(await rejection(openJournalStore(path))).toMatchObject({ code: 'BAD_JOURNAL' });
    expect(readFileSync(path, 'utf8')).toBe('just one line without a newline');
  });

  it('a header torn while the journal was created is replaced', async () => {
    const path = newPath();
    writeFileSync(path, '{"journal":"vanity400-inv');
    const store = await openJournalStore(path);
    await store.addAgent(makeAgent('a1', 1));
    await store.close();
    const again = await openJournalStore(path);
    expect((await again.agents()).map((a) => a.id)).toEqual(['a1']);
    await again.close();
  });

  it('one process at a time: a second open is refused until the first closes; a dead owner’s lock is taken over', async () => {
    const path = newPath();
    const store = await openJournalStore(path);
    expect(await rejection(openJournalStore(path))).toMatchObject({ code: 'JOURNAL_LOCKED', message: expect.stringContaining(String(process.pid)) });
    await store.close();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${path}.lock`, `${dead.stdout}\n`);
    const again = await openJournalStore(path);
    await again.close();
  });
});

describe('journal store: crash', () => {
  it('after SIGKILL mid-run, every acknowledged operation is there and the store works', async () => {
    const work = mkdtempSync(join(tmpdir(), 'vanity400-crash-'));
    buildSync({
      entryPoints: [new URL('../../src/node/inventory/journal-store.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: join(work, 'journal-store.mjs'),
      logLevel: 'silent',
    });
    const agent = makeAgent('a1', 1, { licence: companyLicence(42) });
    writeFileSync(
      join(work, 'child.mjs'),
      `import { writeSync } from 'node:fs';
import { openJournalStore } from './journal-store.mjs';
const say = (line) => writeSync(1, line + '\\n');
const store = await openJournalStore(process.argv[2]);
await store.addAgent(${JSON.stringify(agent)});
say('agent a1');
await store.reserve({ agent: 'a1', from: '4006-100-000', to: '4006-101-999' });
say('reserve');
for (let i = 0; i < 2000; i++) {
  const n = String(4006100000 + i);
  await store.hold(n, 'c' + i, 3600000);
  say('hold ' + n + ' c' + i);
  if (i % 3 === 0) {
    await store.sell(n, 'c' + i);
    say('sell ' + n + ' c' + i);
  }
}
say('done');
setInterval(() => {}, 1000);
`,
    );
    const path = join(work, 'inventory.jsonl');
    const child = spawn(process.execPath, [join(work, 'child.mjs'), path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if ((out.match(/^hold /gm)?.length ?? 0) >= 300) child.kill('SIGKILL');
    });
    expect(await exited, err).toBe('SIGKILL');

    const acked = out.split('\n').slice(0, -1); // only complete lines
    const holds = acked.filter((l) => l.startsWith('hold ')).map((l) => l.split(' ').slice(1) as [string, string]);
    const sells = new Set(acked.filter((l) => l.startsWith('sell ')).map((l) => l.split(' ')[1]));
    expect(acked.slice(0, 2)).toEqual(['agent a1', 'reserve']);
    expect(holds.length).toBeGreaterThanOrEqual(300);

    const store = await openJournalStore(path);
    expect(await store.getAgent('a1')).toEqual(agent);
    for (const [n, c] of holds) {
      const state = await store.who(n);
      if (sells.has(n)) expect(state).toMatchObject({ status: 'sold', customer: c });
      else expect(state, n).toMatchObject({ customer: c }); // held, or sold if that sale was written but not acknowledged
    }
    // Nothing beyond the acknowledged operations, except at most the one in flight.
    const counts = await store.counts('a1');
    expect(counts.held + counts.sold - holds.length).toBeGreaterThanOrEqual(0);
    expect(counts.held + counts.sold - holds.length).toBeLessThanOrEqual(1);
    expect(counts.sold - sells.size).toBeGreaterThanOrEqual(0);
    expect(counts.sold - sells.size).toBeLessThanOrEqual(1);

    // Usable: new changes are journaled after the recovered ones.
    expect(await store.hold('4006-101-999', 'after-crash', 60_000)).toMatchObject({ ok: true });
    await store.close();
    const again = await openJournalStore(path);
    expect(await again.who('4006-101-999')).toMatchObject({ status: 'held', customer: 'after-crash' });
    expect((await again.counts('a1')).held).toBe(counts.held + 1);
    await again.close();
    for (const line of readFileSync(path, 'utf8').split('\n').slice(0, -1)) expect(() => JSON.parse(line)).not.toThrow();
  });
});
