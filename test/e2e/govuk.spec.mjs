import { editorSuite } from './editor-suite.mjs';

editorSuite({
  name: 'GOV.UK Design System textarea',
  path: 'govuk.html', kind: 'textarea', field: '#more-detail', overlayFor: '#more-detail',
  target: 'criminogenic', fixAlt: ['RoSH'],
});
