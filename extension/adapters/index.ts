/** The detectors, most specific first: the first adapter that recognises an element handles it. */
import { detectCkEditor5 } from './ckeditor5';
import { detectContentEditable } from './contenteditable';
import { detectQuill } from './quill';
import { detectTextarea } from './textarea';
import { detectTinyMce } from './tinymce';
import type { Detector, FieldAdapter } from './types';

export const detectors: Detector[] = [detectTextarea, detectCkEditor5, detectQuill, detectTinyMce, detectContentEditable];

export function adapterFor(el: Element): FieldAdapter | null {
  for (const detect of detectors) {
    const a = detect(el);
    if (a) return a;
  }
  return null;
}

export type { FieldAdapter, Box } from './types';
