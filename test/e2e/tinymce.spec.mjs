import { editorSuite } from './editor-suite.mjs';

// TinyMCE in iframe mode: the editable is the iframe's body; the overlay lives in the top document over the iframe.
editorSuite({
  name: 'TinyMCE (iframe mode)',
  path: 'tinymce.html', kind: 'iframe-body', field: 'body', frame: '#tinymce-field_ifr', overlayInFrame: false,
  overlayFor: '#tinymce-field_ifr', target: 'criminogenic', fixAlt: ['RoSH'],
});
