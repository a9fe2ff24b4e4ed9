/**
 * The checker in host pages. Registered at runtime for the sites the user enabled (never in the manifest
 * of a production build), in every frame so same-origin iframes get their own overlays. Injected once
 * into other pages only for "Check this page", where it draws nothing.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PageChecker } from '../../checker/page-checker';
import { extensionServices } from '../../checker/services';
import { onMessages } from '../../utils/messaging';
import { normaliseOrigin } from '../../utils/settings';

/** The test build treats local pages as enabled sites (see wxt.config.ts); production never does. */
const E2E_LOCAL = import.meta.env.MODE === 'e2e' ? /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/ : null;

function pageOrigins(): string[] {
  const out = [normaliseOrigin(location.href)];
  try {
    // about:blank and srcdoc frames belong to the page that made them.
    if (window.top && window.top !== window) out.push(normaliseOrigin(window.top.location.href));
  } catch {
    // cross-origin parent: only our own origin counts
  }
  return out.filter(Boolean);
}

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  allFrames: true,
  matchAboutBlank: true,
  async main(ctx) {
    const services = extensionServices();
    const checker = new PageChecker(document, ctx, services, { origin: pageOrigins()[0] ?? location.origin });
    let started = false;

    const stop = onMessages({
      revealInFrame: ({ fieldId, start, end }) => checker.reveal(fieldId, start, end),
      async checkPageInFrame() {
        await checker.checkPage();
        return true;
      },
      requestReport() {
        if (started) checker.republish();
      },
    });
    ctx.onInvalidated(stop);

    const settings = await services.settings();
    const origins = pageOrigins();
    const enabled = origins.some((o) => settings.enabledSites.includes(o) || !!E2E_LOCAL?.test(o));
    if (!enabled || !ctx.isValid) return;
    started = true;
    await checker.start(settings);
  },
});
