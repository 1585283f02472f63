/**
 * Why the store cannot talk to Redis, as one short sentence in each language: the socket's own error
 * code (refused, timed out, unknown host …) rather than ioredis's "Connection is closed.".
 */
import { Vanity400Error, type LocalText } from 'vanity400';

/** The reason for a network error code, or undefined for one the store does not know. */
function reasonOfCode(code: string, where: string): LocalText | undefined {
  switch (code) {
    case 'ECONNREFUSED':
      return { zh: '连接被拒绝，请确认 Redis 已经启动，地址和端口没写错', en: 'connection refused; check that Redis is running and the host and port are right' };
    case 'ETIMEDOUT':
      return { zh: '1 秒内没有应答，请确认地址没写错、网络是通的', en: 'no answer within 1 s; check the address and the network' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN': {
      const host = where.replace(/:\d+$/, '');
      return { zh: `找不到主机“${host}”，请检查地址`, en: `unknown host ${JSON.stringify(host)}; check the address` };
    }
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { zh: '网络不通，请检查地址和网络', en: 'the host is unreachable; check the address and the network' };
    case 'ECONNRESET':
    case 'EPIPE':
      return { zh: '连接被服务器断开了', en: 'the server closed the connection' };
    case 'EACCES':
    case 'EPERM':
      return { zh: '没有权限连接这个地址', en: 'not allowed to connect there' };
    default:
      return undefined;
  }
}

/** A reply of the server that means the store may not log in (a password missing or wrong). */
function authReason(message: string): LocalText | undefined {
  if (/^NOAUTH\b/.test(message)) return { zh: 'Redis 要求密码，请在地址里带上密码（redis://:密码@主机:端口）', en: 'Redis wants a password; put it in the URL (redis://:password@host:port)' };
  if (/^WRONGPASS\b|^ERR invalid password|^ERR AUTH\b/.test(message)) return { zh: 'Redis 的用户名或密码不对', en: 'wrong Redis username or password' };
  return undefined;
}

/** The first line of an unknown error, cut and without its closing full stop (the sentence adds its own). */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = (message.split('\n')[0] ?? '').trim();
  return (line.length > 120 ? `${line.slice(0, 120)}…` : line).replace(/[.。]+$/, '');
}

/**
 * Why a call failed, in both languages. `last` is the latest error the connection itself reported
 * (refused, timed out …), which says more than the "Connection is closed." a call then fails with.
 */
export function reasonOf(error: unknown, last: unknown, where: string): LocalText {
  const message = error instanceof Error ? error.message : String(error);
  if (/^Command timed out/.test(message)) return { zh: 'Redis 超过 2 秒没有应答', en: 'Redis did not answer within 2 s' };
  const auth = authReason(message) ?? (last instanceof Error ? authReason(last.message) : undefined);
  if (auth) return auth;
  for (const candidate of [error, last]) {
    const code = (candidate as { code?: unknown } | null | undefined)?.code;
    if (typeof code === 'string') {
      const known = reasonOfCode(code, where);
      if (known) return known;
    }
  }
  if (/^Protocol error\b/.test(message) || (last instanceof Error && /^Protocol error\b/.test(last.message))) {
    return { zh: '这个地址上的服务不是 Redis，请检查端口', en: 'the server there does not speak Redis; check the port' };
  }
  if (/^Connection is closed|^Stream isn't writeable|^Reached the max retries/.test(message)) return { zh: '连接已经断开', en: 'the connection is down' };
  const line = firstLine(error);
  return { zh: line, en: line };
}

/** STORE_UNAVAILABLE naming the server and why. */
export function unreachableError(where: string, reason: LocalText): Vanity400Error {
  return new Vanity400Error('STORE_UNAVAILABLE', { zh: `无法连接 Redis（${where}）：${reason.zh}。`, en: `cannot reach Redis at ${where}: ${reason.en}.` }, { input: where });
}
