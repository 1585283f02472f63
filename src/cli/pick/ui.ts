// The prompts load only when pick runs: no other command pays for them.
import type * as clack from '@clack/prompts';
import { isVanity400Error } from '../../errors/vanity400-error.js';
import type { Language } from '../../scoring/explain.js';
import type { Palette } from '../colour.js';
import type { Messages } from './messages.js';

/** The salesperson pressed Ctrl-C or Esc. */
export class Cancelled extends Error {}

type Own<T> = Omit<T, 'input' | 'output'>;

/** The prompts of @clack/prompts on one terminal; a cancelled prompt throws Cancelled instead of returning a symbol. */
export interface Ui {
  text(options: Own<clack.TextOptions>): Promise<string>;
  select<V>(options: Own<clack.SelectOptions<V>>): Promise<V>;
  multiselect<V>(options: Own<clack.MultiSelectOptions<V>>): Promise<V[]>;
  confirm(options: Own<clack.ConfirmOptions>): Promise<boolean>;
  intro(title: string): void;
  outro(message: string): void;
  cancel(message: string): void;
  note(message: string, title: string): void;
  info(message: string): void;
  warn(message: string): void;
  /** Lines as they are, e.g. a table. */
  message(lines: string[]): void;
  paint: Palette;
}

/**
 * The prompts in the salesperson's language: @clack/prompts words its key hints, Yes/No and "none" in
 * English only, so its hints are turned off and said in `t` under each question, and Yes/No are `t`'s.
 */
export async function terminalUi(terminal: { input: NodeJS.ReadStream; output: NodeJS.WriteStream }, paint: Palette, t: Messages): Promise<Ui> {
  const clack = await import('@clack/prompts');
  const io = { input: terminal.input, output: terminal.output };
  const hinted = (message: string, keys: string) => `${message}\n${paint.dim(keys)}`;
  const answer = async <T>(pending: Promise<T | symbol>): Promise<T> => {
    const value = await pending;
    if (clack.isCancel(value)) throw new Cancelled();
    return value as T;
  };
  return {
    text: (o) => answer<string>(clack.text({ ...o, ...io })),
    select: <V>(o: Own<clack.SelectOptions<V>>) => answer<V>(clack.select<V>({ ...o, message: hinted(o.message, t.selectKeys), showInstructions: false, ...io })),
    multiselect: <V>(o: Own<clack.MultiSelectOptions<V>>) =>
      answer<V[]>(clack.multiselect<V>({ ...o, message: hinted(o.message, t.multiselectKeys), showInstructions: false, ...io })),
    confirm: (o) => answer<boolean>(clack.confirm({ active: t.yes, inactive: t.no, ...o, message: hinted(o.message, t.confirmKeys), ...io })),
    intro: (title) => clack.intro(title, io),
    outro: (message) => clack.outro(message, io),
    cancel: (message) => clack.cancel(message, io),
    note: (message, title) => clack.note(message, title, io),
    info: (message) => clack.log.info(message, io),
    warn: (message) => clack.log.warn(message, io),
    message: (lines) => clack.log.message(lines, io),
    paint,
  };
}

/** The library's own check of an answer: its error message in `lang`, or nothing when the answer is good. */
export function checked(check: () => unknown, lang: Language): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (isVanity400Error(error)) return error.messageIn(lang);
    throw error;
  }
}
