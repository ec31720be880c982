import type { Executor } from '../../db/client';
import { copyClient, copiedRows } from './io-copy';

/**
 * COPY … FROM in PostgreSQL's binary format, for the search documents of imports into the embedded database: the
 * tuples are built where the search rows are (a worker thread), and the database reads each value by its binary
 * receive function instead of parsing text. A search document's tsvector was most of its COPY (the text input of
 * a tsvector parses every character of the literal and sorts the lexemes: 2 s of 100,000 documents' 3.3 s); its
 * binary form is the lexemes already sorted, each with its positions. Format: the "Binary Format" section of the
 * COPY reference: a header, per tuple a field count and each field's length and bytes (-1 for null), a trailer.
 */

const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const TRAILER = Buffer.from([0xff, 0xff]);
/** pg_type oid of uuid, the element type of a uuid[] */
const UUID_OID = 2950;

export type BinaryField =
  | { text: string | null }
  | { uuid: string }
  | { uuids: readonly string[] }
  | { float4: number }
  /** lexemes sorted as the database keeps them, each once with its positions in ascending order (see tsvectorEntries) */
  | { tsvector: readonly [string, readonly number[]][] };

/** the bytes of a field's value (without its length word); -1 for null */
function valueSize(f: BinaryField): number {
  if ('text' in f) return f.text === null ? -1 : Buffer.byteLength(f.text, 'utf8');
  if ('uuid' in f) return 16;
  if ('float4' in f) return 4;
  if ('uuids' in f) return f.uuids.length ? 20 + 20 * f.uuids.length : 12;
  let n = 4;
  for (const [lexeme, positions] of f.tsvector) n += Buffer.byteLength(lexeme, 'utf8') + 1 + 2 + 2 * positions.length;
  return n;
}

function writeUuid(buf: Buffer, off: number, id: string): number {
  const hex = id.replace(/-/g, '');
  if (hex.length !== 32 || !/^[0-9a-f]+$/i.test(hex)) throw new Error(`not a uuid: ${id}`);
  for (let i = 0; i < 16; i++) buf[off + i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return off + 16;
}

function writeValue(buf: Buffer, off: number, f: BinaryField): number {
  if ('text' in f) return off + buf.write(f.text!, off, 'utf8');
  if ('uuid' in f) return writeUuid(buf, off, f.uuid);
  if ('float4' in f) return buf.writeFloatBE(f.float4, off);
  if ('uuids' in f) {
    // array_send: dimensions, has-nulls flag, element type; per dimension its size and lower bound; the elements
    off = buf.writeInt32BE(f.uuids.length ? 1 : 0, off);
    off = buf.writeInt32BE(0, off);
    off = buf.writeInt32BE(UUID_OID, off);
    if (!f.uuids.length) return off;
    off = buf.writeInt32BE(f.uuids.length, off);
    off = buf.writeInt32BE(1, off);
    for (const u of f.uuids) off = writeUuid(buf, buf.writeInt32BE(16, off), u);
    return off;
  }
  // tsvectorsend: the number of lexemes; per lexeme its bytes and a 0, the number of positions and each (weight D = 0)
  off = buf.writeInt32BE(f.tsvector.length, off);
  for (const [lexeme, positions] of f.tsvector) {
    off += buf.write(lexeme, off, 'utf8');
    buf[off++] = 0;
    off = buf.writeUInt16BE(positions.length, off);
    for (const p of positions) off = buf.writeUInt16BE(p, off);
  }
  return off;
}

/**
 * Memory for the tuples of one chunk of rows: a worker posts the chunk's tuples together, and posting views of one
 * buffer copies the buffer once (a buffer per tuple made the worker's rows 60 % dearer; a slice of Node's shared
 * pool would copy the whole pool with each).
 */
export class TupleArena {
  private buffer = new ArrayBuffer(0);
  private used = 0;

  alloc(size: number): Buffer {
    if (this.used + size > this.buffer.byteLength) {
      this.buffer = new ArrayBuffer(Math.max(ARENA_BYTES, size));
      this.used = 0;
    }
    const b = Buffer.from(this.buffer, this.used, size);
    this.used += size;
    return b;
  }
}
const ARENA_BYTES = 64 * 1024;

/** One tuple of a binary COPY, in the arena's memory (or an array of its own). */
export function binaryTuple(fields: readonly BinaryField[], arena?: TupleArena): Uint8Array {
  const sizes = fields.map(valueSize);
  const size = 2 + sizes.reduce((n, s) => n + 4 + Math.max(s, 0), 0);
  const buf = arena ? arena.alloc(size) : Buffer.alloc(size);
  let off = buf.writeInt16BE(fields.length, 0);
  fields.forEach((f, i) => {
    off = buf.writeInt32BE(sizes[i], off);
    if (sizes[i] >= 0) off = writeValue(buf, off, f);
  });
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** The tuples into the table by a binary COPY; false when the executor is not PGlite. */
export async function copyBinaryTuples(ex: Executor, table: string, columns: readonly string[], tuples: readonly Uint8Array[]): Promise<boolean> {
  const client = copyClient(ex);
  if (!client) return false;
  if (!tuples.length) return true;
  const blob = new Blob([HEADER, ...tuples, TRAILER]);
  await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format binary)`, [], { blob });
  copiedRows.count += tuples.length;
  return true;
}
