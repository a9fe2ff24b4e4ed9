/**
 * Text from outside Curio (file names, and document words quoted in messages) must never reach a terminal
 * raw: an ESC sequence can recolour, retitle or rewrite the screen, a CR can overwrite the line before it,
 * and a newline can forge a line of output. Control characters become visible escapes instead.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `s` with every C0/C1 control character (and the Unicode line/paragraph separators) shown as `\xNN` / `\uNNNN`. */
export function forTerminal(s: string): string {
  return s.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
