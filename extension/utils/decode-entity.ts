/**
 * Stand-in for `decode-named-character-reference` in the extension bundles (aliased in wxt.config.ts).
 * The package's browser build decodes with innerHTML (no DOM in the background worker; no innerHTML in
 * host pages) and its node build carries all 2,000+ HTML entities (≈ 25 KB gzipped in the content
 * script). Practitioners type text, not HTML, so the entities that appear in reports are these; any other
 * `&name;` stays as written, which only changes what markdown parsing shows for that entity.
 */
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', hellip: '…', pound: '£', euro: '€', copy: '©', reg: '®', trade: '™', deg: '°', middot: '·',
  bull: '•', times: '×', divide: '÷', plusmn: '±', frac12: '½', frac14: '¼', frac34: '¾', sect: '§', para: '¶',
  laquo: '«', raquo: '»', shy: '\u00ad', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwj: '\u200d', zwnj: '\u200c',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', oacute: 'ó', uacute: 'ú', iacute: 'í', ccedil: 'ç', ntilde: 'ñ',
  ouml: 'ö', uuml: 'ü', auml: 'ä', szlig: 'ß', micro: 'µ', larr: '←', rarr: '→', uarr: '↑', darr: '↓', check: '✓',
};

/** Decodes a named character reference (without `&` and `;`), or returns false when unknown. */
export function decodeNamedCharacterReference(value: string): string | false {
  return Object.prototype.hasOwnProperty.call(ENTITIES, value) ? ENTITIES[value] : false;
}
