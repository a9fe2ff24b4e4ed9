/**
 * Turns the paths on the command line into texts to check. Every problem with one input becomes an
 * `InputError` naming the file and what is wrong with it, so one bad file never stops the others.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';

/** Larger than any real report; protects against pointing curio at a log or a disk image. */
export const MAX_BYTES = 5 * 1024 * 1024;
const EXTENSIONS = new Set(['.md', '.txt', '.markdown']);
/** Folders that never hold reports and can be huge. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.output', '.wxt', 'dist']);

export interface InputError {
  path: string;
  problem: string;
}

export interface Input {
  path: string;
  text: string;
  /** How the bytes were decoded, when it was not plain UTF-8. */
  decoded?: 'utf-8 with bom' | 'utf-16le' | 'utf-16be';
}

/**
 * Expands files and folders into file paths, in command-line order (folders sorted by name).
 * A path named explicitly is read whatever its extension; inside folders only .md, .txt and .markdown count.
 */
export function collectPaths(paths: readonly string[]): { files: string[]; errors: InputError[] } {
  const files: string[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      files.push(p);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      add(p);
      continue;
    }
    let stat;
    try {
      stat = statSync(p);
    } catch (e) {
      errors.push({ path: p, problem: describeFsError(e) });
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      try {
        walk(p, found, errors);
      } catch (e) {
        errors.push({ path: p, problem: describeFsError(e) });
        continue;
      }
      if (found.length === 0) errors.push({ path: p, problem: 'folder contains no .md or .txt documents' });
      found.forEach(add);
    } else if (stat.isFile()) add(p);
    else errors.push({ path: p, problem: `skipped: ${kindOf(stat)}, not a regular file` });
  }
  return { files, errors };
}

function walk(dir: string, out: string[], errors: InputError[]) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
      try {
        walk(path, out, errors);
      } catch (e) {
        errors.push({ path, problem: describeFsError(e) });
      }
    } else if ((entry.isFile() || entry.isSymbolicLink()) && EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      // A link is followed only to a regular file: a link to /dev/zero would fill memory, one to a FIFO
      // would block the run forever.
      if (entry.isSymbolicLink()) {
        let target;
        try {
          target = statSync(path);
        } catch (e) {
          errors.push({ path, problem: describeFsError(e) });
          continue;
        }
        if (!target.isFile()) {
          errors.push({ path, problem: `skipped: links to ${kindOf(target)}, not a regular file` });
          continue;
        }
      }
      out.push(path);
    }
  }
}

/** Reads and decodes one file. Returns an InputError instead of throwing. */
export async function readInput(path: string): Promise<Input | InputError> {
  let bytes: Buffer;
  try {
    if (path === '-') bytes = await readStdin();
    else {
      // Checked before opening: opening a FIFO for reading blocks until something writes to it.
      const before = statSync(path);
      if (!before.isFile()) return { path, problem: `skipped: ${kindOf(before)}, not a regular file` };
      const read = readCapped(path);
      if (read.length > MAX_BYTES) return { path, problem: `file is too large (over 5 MB; the limit is 5 MB)` };
      bytes = read;
    }
  } catch (e) {
    return { path: path === '-' ? STDIN : path, problem: describeFsError(e) };
  }
  return decode(path === '-' ? STDIN : path, bytes);
}

/**
 * Reads at most MAX_BYTES + 1 bytes, whatever the file claims its size is (a file can grow while it is read,
 * and /proc-style files report size 0), so an oversized input is detected without holding it in memory.
 */
function readCapped(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(MAX_BYTES + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
      if (total === buf.length) break;
    }
    return buf.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

/** What a non-regular file is, in words a reviewer understands. */
function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}

/** How standard input is named in output. */
export const STDIN = '<stdin>';

/** Decodes bytes as a document: strips a UTF-8 BOM, decodes UTF-16 with a BOM, rejects binary and bad UTF-8. */
export function decode(path: string, bytes: Uint8Array): Input | InputError {
  if (bytes.length > MAX_BYTES) return { path, problem: `input is too large (${(bytes.length / 1048576).toFixed(1)} MB; the limit is 5 MB)` };
  let text: string;
  let decoded: Input['decoded'];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = 'utf-16be';
  }
  if (decoded) {
    try {
      text = new TextDecoder(decoded, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      return { path, problem: `not valid ${decoded.toUpperCase()} text (it starts with a UTF-16 byte-order mark)` };
    }
    if (text.includes('\u0000')) return { path, problem: 'binary file (contains NUL characters), not a text document' };
  } else {
    const binary = binaryKind(bytes);
    if (binary) return { path, problem: binary };
    let body = bytes;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      body = bytes.subarray(3);
      decoded = 'utf-8 with bom';
    }
    const bad = firstInvalidUtf8(body);
    if (bad >= 0) {
      let line = 1;
      for (let i = 0; i < bad; i++) if (body[i] === 0x0a) line++;
      return { path, problem: `not valid UTF-8 (line ${line}, byte ${bad + (decoded ? 3 : 0)}); save it as UTF-8 text and try again` };
    }
    text = new TextDecoder('utf-8').decode(body);
  }
  if (text.length === 0) return { path, problem: 'file is empty' };
  if (text.trim().length === 0) return { path, problem: 'file contains only whitespace' };
  return decoded ? { path, text, decoded } : { path, text };
}

/** Recognises formats people save reports in by mistake, so the message can say what to do. */
function binaryKind(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'binary file (a PDF); copy the text into a .txt or .md file';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'binary file (a Word .docx or other zip archive); save it as plain text (.txt) first';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'binary file (an old Word .doc); save it as plain text (.txt) first';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'rich text (.rtf), not plain text; save it as plain text (.txt) first';
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'binary file (contains NUL bytes), not a text document';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (n > 0 && control / n > 0.1) return 'binary file (mostly control bytes), not a text document';
  return undefined;
}

/** Index of the first byte that is not part of well-formed UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) (need = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (need = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Reads all of standard input, stopping once it passes the size limit. */
export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(b);
    total += b.length;
    if (total > MAX_BYTES) break;
  }
  return Buffer.concat(chunks);
}

/** One line, no stack: what went wrong reading a path. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read it (permission denied)';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return `cannot read it (${code ?? (e instanceof Error ? e.message : String(e))})`;
  }
}
