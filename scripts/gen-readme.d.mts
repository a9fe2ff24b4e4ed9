// Types for scripts/gen-readme.mjs, so test/readme.test.ts can import its helpers under strict TypeScript.
import type { RuleMeta } from '../core/rule.js';
export declare const START: string;
export declare const END: string;
export declare function renderRulesTable(metas: readonly RuleMeta[]): string;
export declare function spliceTable(readme: string, table: string): string;
