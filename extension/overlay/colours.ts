import type { Category } from '../../core/types.js';

/** One colour per category (GOV.UK palette tones, distinct in hue and lightness for colour-blind users). */
export const CATEGORY_COLOURS: Record<Category, string> = {
  sources: '#1d70b8',
  diversity: '#912b88',
  'mental-health': '#00703c',
  'substance-misuse': '#a36a00',
  curiosity: '#d4351c',
  risk: '#6d1a0c',
  language: '#505a5f',
  structure: '#4c2c92',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  sources: 'Sources of information',
  diversity: 'Diversity',
  'mental-health': 'Mental health',
  'substance-misuse': 'Substance misuse',
  curiosity: 'Professional curiosity',
  risk: 'Risk',
  language: 'Language',
  structure: 'Structure',
};
