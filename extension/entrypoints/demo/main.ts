/**
 * The demo case-management form: the same checker the content script runs, mounted directly on an
 * extension page (so it works out of the box, with no site permission).
 */
import { PageChecker } from '../../checker/page-checker';
import { PageLifecycle } from '../../checker/lifecycle';
import { extensionServices } from '../../checker/services';
import { onMessages } from '../../utils/messaging';

// Sample text written for this demo; the names and events are invented.
const OFFENCE = `Mr Example pleaded guilty to criminal damage after breaking the window of a neighbour's car during an argument late at night.

He told me he had been drinking with friends but said he is only a social drinker and that the offence was out of character.

He has recently moved in with a new partner and her two young children. He said things at home are fine.`;

const LIFESTYLE_HTML = `<h3>Accommodation</h3><p>He rents a flat with his partner. He mentioned that he was evicted last year but did not want to talk about it.</p>
<h3>Health</h3><p>He said he was prescribed sertraline by his GP some time ago and stopped taking it. He described feeling low since losing his job.</p>
<h3>Substance use</h3><p>He uses cannabis at weekends to relax and does not see this as a problem.</p>`;

const offence = document.getElementById('offence-analysis') as HTMLTextAreaElement;
const lifestyle = document.getElementById('behaviour-lifestyle') as HTMLElement;
offence.value = OFFENCE;
lifestyle.innerHTML = LIFESTYLE_HTML;

document.getElementById('case-form')!.addEventListener('submit', (e) => e.preventDefault());

const life = new PageLifecycle();
const checker = new PageChecker(document, life, extensionServices(), { origin: location.origin, path: location.pathname });
onMessages({
  revealInFrame: ({ fieldId, start, end }) => checker.reveal(fieldId, start, end),
  requestReport: () => checker.republish(),
});
void checker.start();

const stats = document.getElementById('stats')!;
setInterval(() => {
  const s = checker.stats;
  stats.textContent = `Last check: ${s.chars.toLocaleString()} characters; on this page ${s.mainMs.toFixed(1)} ms reading fields and ${s.renderMs.toFixed(1)} ms drawing; ${s.workerMs.toFixed(1)} ms linting in the background worker.`;
}, 1000);
