import { createHash } from 'node:crypto';
import { MAX_BLOCKS } from './block-commit';
import { StorageError } from './errors';

/**
 * Block ids of an archive whose data parts are staged directly as uncommitted blocks of the target
 * blob. Every id of one blob must have the same length, so all of them are base64 of 22 ASCII
 * characters: `${runTag}p${part}b${seq}` for a part's blocks and `${runTag}h${index}b000000` for the
 * blocks the assembler writes itself (headers, small entries, the central directory). The run tag
 * keeps two runs writing to the same blob apart; the same run, part and sequence always give the
 * same id, so a retried part overwrites its own uncommitted blocks.
 */

const TAG_CHARS = 8;
const INDEX_DIGITS = 6;
const MAX_INDEX = 10 ** INDEX_DIGITS - 1;

/** The eight-character tag of a run: the start of the SHA-256 of its id, in hex. */
export function runTagFor(runId: string): string {
  return createHash('sha256').update(runId, 'utf8').digest('hex').slice(0, TAG_CHARS);
}

function digits(value: number, what: string): string {
  if (!Number.isInteger(value) || value < 0 || value > MAX_INDEX) {
    throw new StorageError('STORAGE_INVALID_RANGE', `${what} must be 0..${MAX_INDEX}, found ${value}`);
  }
  return String(value).padStart(INDEX_DIGITS, '0');
}

function encode(runTag: string, body: string): string {
  if (!/^[0-9a-z]{8}$/.test(runTag)) {
    throw new StorageError('STORAGE_INVALID_RANGE', `a run tag is 8 characters [0-9a-z], found "${runTag}"`);
  }
  return Buffer.from(`${runTag}${body}`, 'ascii').toString('base64');
}

/** Id of block `seq` (zero-based) of data part `partIndex`. */
export function partBlockId(runTag: string, partIndex: number, seq: number): string {
  if (seq >= MAX_BLOCKS) {
    throw new StorageError(
      'STORAGE_TOO_MANY_BLOCKS',
      `part ${partIndex} needs more than ${MAX_BLOCKS} blocks: a block blob holds at most ${MAX_BLOCKS}`,
    );
  }
  return encode(runTag, `p${digits(partIndex, 'a part index')}b${digits(seq, 'a block sequence')}`);
}

/** Id of the assembler's own block `index` (zero-based). */
export function assemblerBlockId(runTag: string, index: number): string {
  return encode(runTag, `h${digits(index, 'an assembler block index')}b000000`);
}
