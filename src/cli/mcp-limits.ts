import { Transform, type TransformCallback } from 'node:stream';

/** The largest JSON-RPC message the MCP server reads: far above any tool call, far below a flood. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Standard input cut into messages (lines) of at most `max` bytes: longer ones are dropped as they
 * arrive, without being held in memory, and answered through `refuse` with the id found at their start.
 */
export class MessageLimit extends Transform {
  #line: Buffer[] = [];
  #size = 0;
  #dropping = false;
  #head = '';

  constructor(
    readonly max: number,
    readonly refuse: (id: string | number | null) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(10, start);
      const end = newline < 0 ? chunk.length : newline + 1;
      const piece = chunk.subarray(start, end);
      if (!this.#dropping) {
        if (this.#size + piece.length > this.max) {
          this.#dropping = true;
          this.#head = Buffer.concat([...this.#line, piece]).subarray(0, 300).toString('utf8');
          this.#line = [];
        } else {
          this.#line.push(piece);
          this.#size += piece.length;
        }
      }
      if (newline >= 0) {
        if (this.#dropping) this.refuse(idOf(this.#head));
        else this.push(Buffer.concat(this.#line));
        this.#line = [];
        this.#size = 0;
        this.#dropping = false;
        this.#head = '';
      }
      start = end;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.#dropping) this.refuse(idOf(this.#head));
    else if (this.#size > 0) this.push(Buffer.concat(this.#line));
    done();
  }
}

/** The request id at the start of a message, if it is there before the bulk. */
function idOf(head: string): string | number | null {
  const m = /"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,100}")/.exec(head);
  if (!m) return null;
  const raw = m[1] as string;
  return raw.startsWith('"') ? (JSON.parse(raw) as string) : Number(raw);
}
