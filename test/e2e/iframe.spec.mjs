import { editorSuite } from './editor-suite.mjs';

// A textarea inside a same-origin iframe: the content script runs in the frame and draws the overlay there.
editorSuite({
  name: 'Textarea in a same-origin iframe',
  path: 'iframe.html', kind: 'textarea', field: '#inner-field', frame: '#report-frame', overlayInFrame: true,
  overlayFor: '#inner-field', target: 'criminogenic', fixAlt: ['RoSH'],
});
