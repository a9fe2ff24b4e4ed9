import { editorSuite } from './editor-suite.mjs';

// The digital PSR service's editor: classic CKEditor 5. The editable root has no id, so its overlay is the page's only one.
editorSuite({
  name: 'CKEditor 5 classic',
  path: 'ckeditor.html', kind: 'contenteditable', field: '.ck-editor__editable', overlayFor: null,
  target: 'criminogenic', fixAlt: ['RoSH'],
});
