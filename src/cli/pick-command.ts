import type { Command } from 'commander';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Language } from '../scoring/explain.js';
import { STATUS_NAMES } from '../inventory/rules.js';
import { resolveProfile } from '../scoring/profile.js';
import type { CliIo } from './index.js';
import { browse, type Item, type Narrowing } from './pick/browse.js';
import { askFacts } from './pick/facts.js';
import { askCustomer, holder, holdNumber, shellWord, showSummary, type Customer } from './pick/hold.js';
import { askApplicant, askPackage, askQuote, createDraft, showDocuments, showGenericDocuments, showOpening } from './pick/order.js';
import { format } from '../number/format.js';
import { parsePhoneNumber } from '../routing/phone-number.js';
import type { PackageList } from '../packages/packages.js';
import { messages, type Messages } from './pick/messages.js';
import { Cancelled, terminalUi, type Ui } from './pick/ui.js';
import { defaultStore, openStore, searchPools } from './pools.js';
import { langFlag, packagesFlag } from './sale-flags.js';

interface PickFlags {
  store: string;
  agent?: string;
  profile: string;
  lang: Language;
  packages?: string;
}

/** Exit status of a pick the salesperson cancelled (as for Ctrl-C in a shell). */
export const CANCELLED = 130;

export function registerPick(program: Command, io: CliIo): void {
  program
    .command('pick')
    .description("choose a number with a customer on the phone: asks for their facts, suggests, narrows, holds the chosen number, then quotes the packages for the customer's traffic, says the opening day and the documents, and makes the draft order")
    .option('--store <location>', 'inventory: a SQLite file (*.db) or redis://host:port (default: $VANITY400_STORE or the data folder)', defaultStore())
    .option('--agent <id>', 'the agent whose numbers are offered (asked when the store has several)')
    .option('--profile <name>', 'scoring profile: seed or traditional', 'seed')
    .option('--packages <file>', "the agent's own packages file for the quote (the format of data/packages.json)")
    .option('--lang <lang>', 'language: zh or en', 'zh')
    .addHelpText(
      'after',
      `
Every question about the customer's facts may be skipped with Enter. Ctrl-C or Esc cancels (exit status ${CANCELLED}):
before the hold nothing is held; after it the number stays held, and no order is made.
pick needs a terminal: without one it names the commands that do the same (suggest, search, near, inventory hold).

Examples:
  $ vanity400 pick
  $ vanity400 pick --agent huatong --store inventory.db --lang en
  $ vanity400 pick --store redis://127.0.0.1:6379 --profile traditional`,
    )
    .action(async (flags: PickFlags) => {
      langFlag(flags.lang);
      resolveProfile(flags.profile);
      const packages = await packagesFlag(flags.packages);
      const t = messages(flags.lang);
      if (!io.terminal) {
        io.err(withoutTerminal(t, flags));
        io.status = 2;
        return;
      }
      const ui = await terminalUi(io.terminal, io.paint.out, t);
      const progress: Progress = {};
      try {
        await pick(ui, t, flags, packages, progress);
      } catch (error) {
        if (!(error instanceof Cancelled)) throw error;
        ui.cancel(progress.held ? t.cancelledHeld(progress.held.display, progress.held.customer, t.beijingTime(progress.held.until)) : t.cancelled);
        io.status = CANCELLED;
      } finally {
        // The prompts leave the terminal's input flowing, which would keep the process alive.
        io.terminal.input.pause();
      }
    });
}

/** The non-interactive commands that do what pick does, with the flags given. */
function withoutTerminal(t: Messages, flags: PickFlags): string {
  const store = flags.store === defaultStore() ? '' : ` --store ${flags.store}`;
  const where = `${flags.agent ? ` --agent ${flags.agent}` : ' --agent ID'}${store}`;
  const commands = [
    `vanity400 suggest --name 顺发物流 --founded 2008 --registered 2015-03-18 --door 518 --landline 010-87654321 --segment 4006 --avoid 4${where}`,
    `vanity400 search 'AABB$' --exclude 4 --tier ordinary,select,premium --segment 4006${where}`,
    `vanity400 near 400-888-8888 --distance 2 --swaps${where}`,
    `vanity400 inventory hold 4006-123-000 --customer 张三 --ttl 30m${store}`,
    'vanity400 quote 4006-123-000 --minutes 800',
    'vanity400 open-date 4006-123-000',
    'vanity400 documents --company 深圳顺发物流有限公司 --credit-code 91440300MA5F00070E --landing 0755-88881234',
    `vanity400 order create 4006-123-000 --customer 张三 --package year-1200 --minutes 800 --company 深圳顺发物流有限公司 --credit-code 91440300MA5F00070E --landing 0755-88881234${store}`,
  ];
  return `${t.notTerminal}\n${commands.map((c, i) => `  ${c}\n      # ${t.notTerminalSteps[i]}`).join('\n')}\n`;
}

/** What pick has done so far: once a number is held, a cancel says it stays held. */
interface Progress {
  held?: { display: string; customer: string; until: number };
}

async function pick(ui: Ui, t: Messages, flags: PickFlags, packages: PackageList, progress: Progress): Promise<void> {
  ui.intro(t.intro);
  const agent = flags.agent ?? (await chooseAgent(ui, t, flags.store, flags.lang));
  const [pool] = await searchPools({ agent, store: flags.store, profile: flags.profile, lang: flags.lang });
  ui.info(t.agentNumbers(agent, pool!.size));
  const facts = await askFacts(ui, t, flags.lang, pool!);

  let narrowing: Narrowing = { noFour: false, tailOnly: false };
  let customer: Customer | undefined;
  const taken = new Set<string>();
  for (;;) {
    const chosen = await browse(ui, pool!, facts, narrowing, t, flags.lang, taken);
    narrowing = chosen.narrowing;
    customer ??= await askCustomer(ui, t, flags.lang);
    if (!(await ui.confirm({ message: t.confirmHold(chosen.item.display, customer.name, customer.ttl) }))) continue;
    const held = await holdNumber(flags.store, chosen.item, customer, flags.lang);
    if (held.ok) {
      progress.held = { display: chosen.item.display, customer: holder(customer), until: held.heldUntil };
      showSummary(ui, t, flags.lang, chosen.item, customer, held.heldUntil, flags.store, agent);
      await toOrder(ui, t, flags, packages, chosen.item, customer);
      return;
    }
    ui.warn(t.taken(chosen.item.display, STATUS_NAMES[held.state.status][flags.lang]));
    taken.add(chosen.item.number);
  }
}

/**
 * After the hold, what the seed's process asks next: the package for the customer's traffic (the quote),
 * the opening day if the prepayment came in today, the documents to prepare, and the draft order.
 */
async function toOrder(ui: Ui, t: Messages, flags: PickFlags, packages: PackageList, item: Item, customer: Customer): Promise<void> {
  const lang = flags.lang;
  const q = await askQuote(ui, t, lang, item, packages);
  if (q.packages.length === 0) {
    // Every package of the list is under the number's minimum spend: nothing to sell it with.
    ui.outro(t.noPackage(item.display, q.minimumSpend.perYear));
    return;
  }
  const chosen = await askPackage(ui, t, lang, q);
  showOpening(ui, t, lang, item, Date.now());
  const applicant = await askApplicant(ui, t, lang);
  const store = flags.store === defaultStore() ? '' : ` --store ${shellWord(flags.store)}`;
  const later = `vanity400 order create ${item.display} --customer ${shellWord(holder(customer))} --package ${chosen.package.id} --minutes ${q.minutesPerMonth} --company ${t.laterCompany} --credit-code ${t.laterCode} --landing ${t.laterLanding}${store}`;
  if (applicant === undefined) {
    showGenericDocuments(ui, t, lang);
    ui.outro(t.orderLater(later));
    return;
  }
  showDocuments(ui, t, lang, applicant);
  const packageName = lang === 'zh' ? chosen.package.zh : chosen.package.en;
  if (!(await ui.confirm({ message: t.confirmOrder(holder(customer), item.display, packageName) }))) {
    ui.outro(t.orderLater(later));
    return;
  }
  const order = await createDraft(flags.store, lang, item, customer, chosen, q.minutesPerMonth, applicant, packages);
  const sep = lang === 'zh' ? '：' : ': ';
  ui.note(
    [
      `${t.order}${sep}${ui.paint.bold(order.id)}`,
      `${t.number}${sep}${format(order.number)}`,
      `${t.package}${sep}${packageName}`,
      `${t.applicant}${sep}${order.company.name}${lang === 'zh' ? `（${order.company.creditCode}）` : ` (${order.company.creditCode})`}`,
      `${t.landingNumbers}${sep}${applicant.landingNumbers.length ? applicant.landingNumbers.map((n) => parsePhoneNumber(n).display).join(lang === 'zh' ? '、' : ', ') : t.noLanding}`,
    ].join('\n'),
    t.orderTitle,
  );
  ui.outro(t.orderNext(order.id, applicant.landingNumbers.length > 0));
}

async function chooseAgent(ui: Ui, t: Messages, location: string, lang: Language): Promise<string> {
  const store = await openStore(location, { lang });
  const agents = await store.agents().finally(() => store.close());
  if (!agents.length) throw new Vanity400Error('UNKNOWN_AGENT', { zh: messages('zh').noAgents(location), en: messages('en').noAgents(location) }, { input: location });
  if (agents.length === 1) return agents[0]!.id;
  return ui.select({ message: t.agent, options: agents.map((a) => ({ value: a.id, label: a.id, hint: a.name })) });
}
