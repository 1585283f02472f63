import type { Command } from 'commander';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Language } from '../scoring/explain.js';
import { STATUS_NAMES } from '../inventory/rules.js';
import { resolveProfile } from '../scoring/profile.js';
import type { CliIo } from './index.js';
import { browse, type Narrowing } from './pick/browse.js';
import { askFacts } from './pick/facts.js';
import { askCustomer, holdNumber, showSummary, type Customer } from './pick/hold.js';
import { messages, type Messages } from './pick/messages.js';
import { Cancelled, terminalUi, type Ui } from './pick/ui.js';
import { defaultStore, openStore, searchPools } from './pools.js';
import { langFlag } from './sale-flags.js';

interface PickFlags {
  store: string;
  agent?: string;
  profile: string;
  lang: Language;
}

/** Exit status of a pick the salesperson cancelled (as for Ctrl-C in a shell). */
export const CANCELLED = 130;

export function registerPick(program: Command, io: CliIo): void {
  program
    .command('pick')
    .description('choose a number with a customer on the phone: asks for their facts, suggests, narrows, and holds the chosen number')
    .option('--store <location>', 'inventory: a SQLite file (*.db) or redis://host:port (default: $VANITY400_STORE or the data folder)', defaultStore())
    .option('--agent <id>', 'the agent whose numbers are offered (asked when the store has several)')
    .option('--profile <name>', 'scoring profile: seed or traditional', 'seed')
    .option('--lang <lang>', 'language: zh or en', 'zh')
    .addHelpText(
      'after',
      `
Every question may be skipped with Enter; Ctrl-C or Esc cancels (exit status ${CANCELLED}) and holds nothing.
pick needs a terminal: without one it names the commands that do the same (suggest, search, near, inventory hold).

Examples:
  $ vanity400 pick
  $ vanity400 pick --agent huatong --store inventory.db --lang en
  $ vanity400 pick --store redis://127.0.0.1:6379 --profile traditional`,
    )
    .action(async (flags: PickFlags) => {
      langFlag(flags.lang);
      resolveProfile(flags.profile);
      const t = messages(flags.lang);
      if (!io.terminal) {
        io.err(withoutTerminal(t, flags));
        io.status = 2;
        return;
      }
      const ui = await terminalUi(io.terminal, io.paint.out, t);
      try {
        await pick(ui, t, flags);
      } catch (error) {
        if (!(error instanceof Cancelled)) throw error;
        ui.cancel(t.cancelled);
        io.status = CANCELLED;
      } finally {
        // The prompts leave the terminal's input flowing, which would keep the process alive.
        io.terminal.input.pause();
      }
    });
}

/** The non-interactive commands that do what pick does, with the flags given. */
function withoutTerminal(t: Messages, flags: PickFlags): string {
  const where = `${flags.agent ? ` --agent ${flags.agent}` : ' --agent ID'}${flags.store === defaultStore() ? '' : ` --store ${flags.store}`}`;
  const commands = [
    `vanity400 suggest --name 顺发物流 --founded 2008 --registered 2015-03-18 --door 518 --landline 010-87654321 --segment 4006 --avoid 4${where}`,
    `vanity400 search 'AABB$' --exclude 4 --tier ordinary,select,premium --segment 4006${where}`,
    `vanity400 near 400-888-8888 --distance 2 --swaps${where}`,
    `vanity400 inventory hold 4006-123-000 --customer 张三 --ttl 30m${flags.store === defaultStore() ? '' : ` --store ${flags.store}`}`,
  ];
  return `${t.notTerminal}\n${commands.map((c, i) => `  ${c}\n      # ${t.notTerminalSteps[i]}`).join('\n')}\n`;
}

async function pick(ui: Ui, t: Messages, flags: PickFlags): Promise<void> {
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
      showSummary(ui, t, flags.lang, chosen.item, customer, held.heldUntil, flags.store, agent);
      return;
    }
    ui.warn(t.taken(chosen.item.display, STATUS_NAMES[held.state.status][flags.lang]));
    taken.add(chosen.item.number);
  }
}

async function chooseAgent(ui: Ui, t: Messages, location: string, lang: Language): Promise<string> {
  const store = await openStore(location, { lang });
  const agents = await store.agents().finally(() => store.close());
  if (!agents.length) throw new Vanity400Error('UNKNOWN_AGENT', { zh: messages('zh').noAgents(location), en: messages('en').noAgents(location) }, { input: location });
  if (agents.length === 1) return agents[0]!.id;
  return ui.select({ message: t.agent, options: agents.map((a) => ({ value: a.id, label: a.id, hint: a.name })) });
}
