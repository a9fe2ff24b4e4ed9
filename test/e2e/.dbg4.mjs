import { setup, open, waitForLint, marks } from './helpers.mjs';
const env = await setup();
const FIELDS = ['sources-detail', 'offence-analysis', 'circumstances', 'risk-analysis', 'proposal'];
const f = (id) => ({ path: 'psr.html', kind: 'textarea', field: `#${id}`, overlayFor: `#${id}` });
const page = await open(env, f('proposal'));
for (const id of FIELDS) { await waitForLint(page, f(id)); for (const m of await marks(page, f(id))) console.log(id, m.ruleId, m.category, m.label.slice(0, 90)); }
await env.close();
