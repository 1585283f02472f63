import { readSmallFile } from './read-inputs.js';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { Vanity400Error } from '../errors/vanity400-error.js';

/** What a salesperson may set once instead of on every command. */
export interface Settings {
  /** The inventory: a SQLite file or redis://… (--store). */
  store?: string;
  /** The agent whose numbers are searched and held (--agent). */
  agent?: string;
  /** The scoring profile (--profile). */
  profile?: string;
  /** The language of tables and messages (--lang). */
  lang?: 'zh' | 'en';
  /** Where pools are cached, or false for no cache. */
  cache?: string | false;
}

/** Each setting's environment variable. */
const ENV: Record<keyof Settings, string> = {
  store: 'VANITY400_STORE',
  agent: 'VANITY400_AGENT',
  profile: 'VANITY400_PROFILE',
  lang: 'VANITY400_LANG',
  cache: 'VANITY400_CACHE',
};

/** The platform's folders for the user (env-paths: ~/.config/vanity400, ~/.cache/vanity400 … on Linux). */
export const userFolders = () => envPaths('vanity400', { suffix: '' });

/** The configuration file: VANITY400_CONFIG, else config.json in the user's configuration folder. */
export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.VANITY400_CONFIG;
  return given !== undefined && given !== '' ? given : join(userFolders().config, 'config.json');
}

function badConfig(file: string, zh: string, en: string): Vanity400Error {
  return new Vanity400Error('BAD_CONFIG', { zh: `配置文件 ${file}：${zh}`, en: `configuration file ${file}: ${en}` }, { input: file });
}

/** One setting as given (in the file or the environment), checked. */
function checked(key: keyof Settings, value: unknown, where: string): Settings[keyof Settings] {
  if (key === 'cache' && (value === false || value === 'off')) return false;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Vanity400Error('BAD_CONFIG', { zh: `${where}：${key} 应为非空文字。`, en: `${where}: ${key}: expected a non-empty string${key === 'cache' ? ' or false' : ''}.` }, { input: String(value) });
  }
  if (key === 'lang' && value !== 'zh' && value !== 'en') {
    throw new Vanity400Error('BAD_CONFIG', { zh: `${where}：lang 应为 zh 或 en，而不是 ${value}。`, en: `${where}: lang: expected zh or en, not ${value}.` }, { input: value });
  }
  return value;
}

/** The settings in the configuration file, or none when there is no file. */
function fileSettings(file: string): Settings {
  let text: string;
  try {
    text = readSmallFile(file, 64 * 1024);
  } catch (error) {
    if (error instanceof Vanity400Error) throw badConfig(file, '超过 64 KB，不像是设置文件。', 'larger than 64 KB: not a settings file.');
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw badConfig(file, `无法读取（${(error as NodeJS.ErrnoException).code}）。`, `cannot be read (${(error as NodeJS.ErrnoException).code}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badConfig(file, `不是有效的 JSON（${(error as Error).message}）。`, `not valid JSON (${(error as Error).message}).`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badConfig(file, '应为一个 JSON 对象。', 'expected a JSON object.');
  const out: Settings = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!Object.hasOwn(ENV, key)) {
      throw badConfig(file, `不认识的设置 ${key}（可用：${Object.keys(ENV).join('、')}）。`, `unknown setting ${key} (expected ${Object.keys(ENV).join(', ')}).`);
    }
    Object.assign(out, { [key]: checked(key as keyof Settings, value, `configuration file ${file}`) });
  }
  return out;
}

/**
 * The settings of a run: each from its environment variable (VANITY400_STORE, VANITY400_AGENT,
 * VANITY400_PROFILE, VANITY400_LANG, VANITY400_CACHE), else from the configuration file; flags override both.
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const settings = fileSettings(configFile(env));
  for (const [key, name] of Object.entries(ENV) as [keyof Settings, string][]) {
    const value = env[name];
    if (value !== undefined && value !== '') Object.assign(settings, { [key]: checked(key, value, name) });
  }
  return settings;
}
