import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium, headless (Playwright gives it a new empty profile), with the flags this machine needs (no background networking). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A browser context whose YouTube and Vimeo embeds are answered by an empty page: the demo lessons
 * link YouTube videos, and a test must not depend on (or wait for) the internet.
 */
export async function contextWithoutVideoEmbeds(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.route(/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Video</title>' }),
  );
  return context;
}
