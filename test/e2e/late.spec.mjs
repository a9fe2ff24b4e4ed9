import { editorSuite } from './editor-suite.mjs';

// The field is added 0.8 s after load, as single-page apps do.
editorSuite({
  name: 'Field inserted after load',
  path: 'late.html', kind: 'textarea', field: '#late-field', overlayFor: '#late-field',
  target: 'criminogenic', fixAlt: ['RoSH'],
});
