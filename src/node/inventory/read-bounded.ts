import { createReadStream } from 'node:fs';
import { Vanity400Error, inventoryRules } from './core.js';

/**
 * A file's bytes, read as a stream and refused (BAD_ARGUMENT) once past `limit`: a device such as
 * /dev/zero or a wrong file of many gigabytes is not read to the end.
 */
export async function readBounded(path: string, limit: number): Promise<Buffer> {
  if (typeof path !== 'string' || path === '') throw inventoryRules.wrongType('path', { zh: '文件路径', en: 'a file path' }, path);
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      const mb = Math.round(limit / 1024 ** 2);
      throw new Vanity400Error('BAD_ARGUMENT', { zh: `${path} 超过 ${mb} MB，不是要读的文件。`, en: `${path} is larger than ${mb} MB: not a file to read here.` }, { input: path });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
