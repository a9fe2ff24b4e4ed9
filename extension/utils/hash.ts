/**
 * Dismissals are remembered by a hash of (rule id + flagged text) so that storage never holds the text a
 * practitioner wrote. cyrb53: fast, well-distributed, 53 bits — plenty for a per-field list.
 */
export function cyrb53(str: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The hash a dismissal is stored under. Whitespace is normalised so re-wrapping a line keeps it dismissed. */
export function dismissalHash(ruleId: string, flaggedText: string): string {
  return cyrb53(`${ruleId}\u0000${flaggedText.replace(/\s+/g, ' ').trim().toLowerCase()}`);
}

/** Key for a field's dismissals: the page (origin + path) and the field's description. */
export function fieldKey(origin: string, path: string, fieldFor: string): string {
  return `${origin}${path}|${fieldFor}`;
}
