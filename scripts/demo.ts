// `npm run demo`: builds the extension, starts the host simulator with ready
// demo accounts and opens a browser with the extension loaded: the first
// Chromium-family browser found, or Firefox with `-- --browser firefox` (also
// used when no Chromium is found). Flags: --browser chromium|firefox,
// --headless (machines without a display), --once (send one demo video,
// screenshot the popup, exit), --port N.
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { startHostSim } from '../tests/host-sim';
import { seedDemo } from '../tests/host-sim/demo-seed';
import { launchExtension } from '../tests/browsers/chromium';
import { launchFirefox } from '../tests/browsers/firefox';
import { PopupPage } from '../tests/e2e/shared/pages/PopupPage';
import type { Ui, UiSession } from '../tests/e2e/shared/driver/driver';
import { accountSchema } from '../lib/accounts';
import { getPreset } from '../lib/hosts';
import { settingsSchema } from '../lib/storage/settings';
import { findBrowser, installAdvice, systemLookup, type BrowserKind, type Found } from './find-browser';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const once = args.includes('--once');
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 8787;
const browserArg = args.indexOf('--browser');
const wanted = browserArg >= 0 ? args[browserArg + 1] : undefined;

interface DemoSession extends UiSession {
  name: string;
  close(): Promise<void>;
  closed(listener: () => void): void;
}

function pickBrowser(): Found {
  if (wanted !== undefined && wanted !== 'chromium' && wanted !== 'firefox') {
    throw new Error(`--browser takes "chromium" (any Chromium-family browser) or "firefox", not "${wanted}"`);
  }
  const lookup = systemLookup();
  const order: BrowserKind[] = wanted ? [wanted as BrowserKind] : ['chromium', 'firefox'];
  for (const kind of order) {
    const found = findBrowser(kind, lookup);
    if (found) return found;
  }
  console.error(installAdvice(process.platform, wanted as BrowserKind | undefined));
  process.exit(1);
}

/** The test build (.output/test/, what tests/browsers launches): the production build plus the hook e2e tests use. */
function build(kind: BrowserKind): void {
  console.log(`Building the ${kind === 'firefox' ? 'Firefox' : 'Chrome'} extension…`);
  const result = spawnSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build', ...(kind === 'firefox' ? ['-b', 'firefox'] : [])], {
    stdio: 'inherit',
    env: { ...process.env, VIDRELAY_TEST_BUILD: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function launch(found: Found): Promise<DemoSession> {
  if (found.kind === 'firefox') {
    const session = await launchFirefox({ headless, executablePath: found.path });
    return { name: `Firefox (${found.path})`, open: session.open, close: session.close, closed: (fn) => session.browser.on('disconnected', fn) };
  }
  try {
    const session = await launchExtension({
      headless,
      executablePath: found.path,
      // Branded Chrome and Edge ignore --load-extension from version 137 on unless this feature is off (and drop that too later).
      extraArgs: found.branded ? ['--disable-features=DisableLoadExtensionCommandLineSwitch'] : [],
    });
    return { name: `${found.path}`, open: session.open, close: session.close, closed: (fn) => session.context.on('close', fn) };
  } catch (error) {
    if (found.branded) {
      console.error(
        `${found.path} did not load the extension: recent Google Chrome and Edge no longer load extensions from the command line.\n` +
          'Install Chromium (see below), or run the demo in Firefox: npm run demo -- --browser firefox,\n' +
          'or build it (npm run build) and load .output/chrome-mv3 by hand: chrome://extensions → Developer mode → Load unpacked.\n\n' +
          installAdvice(process.platform, 'chromium'),
      );
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  const found = pickBrowser();
  build(found.kind);
  const sim = await startHostSim({ port, encodeMs: 20_000 });
  // One demo account per preset, each with folders and files on the simulator.
  const accounts = seedDemo(sim).map((demo) =>
    accountSchema.parse({
      id: `demo-${demo.hostId.replace(/\W/g, '-')}`,
      hostId: demo.hostId,
      label: `Demo ${demo.hostId === 'xfs' ? 'custom XFS host' : demo.hostId}`,
      apiBase: demo.apiBase,
      key: demo.key,
      login: getPreset(demo.hostId)?.needsLogin ? demo.login : undefined,
      createdAt: Date.now(),
    }),
  );
  const main = accounts[0];

  const session = await launch(found);
  const options: Ui = await session.open('options.html');
  await options.evaluate(
    async ({ list, settings }) => {
      const ext = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await ext.storage.local.set({ accounts: { version: 1, data: list }, settings: { version: 1, data: settings } });
    },
    { list: accounts, settings: settingsSchema.parse({ defaultAccountId: main.id }) },
  );
  await options.close();
  const popup = await PopupPage.open(session);

  console.log(`
VidRelay demo is running in ${session.name}.
  Host simulator:   ${sim.origin}  (media.cm dialect at ${sim.apiBase('media.cm')})
  Demo accounts:    ${accounts.map((a) => a.label).join(', ')} (default: ${main.label})
  A sample video:   ${sim.videoUrl('demo', 2 * 1024 * 1024)}

Try: paste the sample video URL in the popup and press Send; the job appears with its link.
Or open ${sim.pageUrl('video')} and right-click the video: "Send to host".
${once ? 'Running the demo flow once…' : headless ? 'Running headless (no display found): add --once to run the demo flow and save a screenshot.\nPress Ctrl+C to stop.' : 'Press Ctrl+C to stop.'}`);

  if (once) {
    await popup.sendUrls([sim.videoUrl('demo', 2 * 1024 * 1024)]);
    await popup.links().waitFor({ timeout: 20_000 });
    await mkdir('artifacts', { recursive: true });
    const page = popup.page as { screenshot(o: { path: string }): Promise<unknown> };
    await page.screenshot({ path: 'artifacts/demo-popup.png' });
    console.log(`Sent. Link: ${await popup.links().attr('href')}`);
    console.log('Screenshot: artifacts/demo-popup.png');
    await session.close();
    await sim.close();
    return;
  }

  const stop = async () => {
    await session.close().catch(() => undefined);
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  session.closed(stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
