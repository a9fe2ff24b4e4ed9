import { editorSuite } from './editor-suite.mjs';

editorSuite({
  name: 'Quill',
  path: 'quill.html', kind: 'contenteditable', field: '.ql-editor', overlayFor: null,
  target: 'criminogenic', fixAlt: ['RoSH'],
});
