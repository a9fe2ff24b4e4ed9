import { editorSuite } from './editor-suite.mjs';

editorSuite({
  name: 'Plain contenteditable',
  path: 'contenteditable.html', kind: 'contenteditable', field: '#case-note', overlayFor: '#case-note',
  target: 'criminogenic', fixAlt: ['RoSH'],
});
