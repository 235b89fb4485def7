// `npm run demo`: host simulator + Chromium with the built extension and a
// ready demo account. Flags: --headless (machines without a display),
// --once (send one demo video, screenshot the popup, exit), --port N.
import { mkdir } from 'node:fs/promises';
import { startHostSim } from '../tests/host-sim';
import { launchExtension } from '../tests/e2e/browser';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const once = args.includes('--once');
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 8787;

const DEMO_KEY = 'demo-key-media.cm';

async function main() {
  const sim = await startHostSim({ port, encodeMs: 20_000 });
  sim.addAccount({ hostId: 'media.cm', key: DEMO_KEY, login: 'demo' });
  const folder = sim.addFolder('media.cm', DEMO_KEY, 'Trailers');
  sim.addFile('media.cm', DEMO_KEY, { title: 'Welcome to VidRelay', folderId: folder.id });
  sim.addFile('media.cm', DEMO_KEY, { title: 'Second demo video' });

  const session = await launchExtension({ headless });
  const worker = await session.worker();
  const account = {
    id: 'demo-media',
    hostId: 'media.cm',
    label: 'Demo (media.cm simulator)',
    apiBase: sim.apiBase('media.cm'),
    key: DEMO_KEY,
    enabled: true,
    allowHttp: true,
    defaults: {},
    createdAt: Date.now(),
  };
  await worker.evaluate(async (acc) => {
    await chrome.storage.local.set({
      accounts: { version: 1, data: [acc] },
      settings: { version: 1, data: { defaultAccountId: acc.id, concurrency: { perHost: 2, overall: 4 }, linkFormat: 'plain', linkTemplate: '{title} {watch}' } },
    });
  }, account);

  const popup = await session.context.newPage();
  await popup.goto(session.url('popup.html'));

  console.log(`
VidRelay demo is running.
  Host simulator:   ${sim.origin}  (media.cm dialect at ${sim.apiBase('media.cm')})
  Demo account:     "${account.label}", key ${DEMO_KEY}
  Extension id:     ${session.extensionId}
  Popup:            ${session.url('popup.html')}
  Options:          ${session.url('options.html')}
  A sample video:   ${sim.videoUrl('demo', 2 * 1024 * 1024)}

Try: paste the sample video URL in the popup and press Send; the job appears with its link.
Or open ${sim.pageUrl('video')} and right-click the video: "Send to host".
${headless ? 'Running headless (no display found): use --once to run the demo flow and save a screenshot.' : ''}
Press Ctrl+C to stop.`);

  if (once) {
    await popup.getByLabel('Video URLs').fill(sim.videoUrl('demo', 2 * 1024 * 1024));
    await popup.getByRole('button', { name: 'Send', exact: true }).click();
    await popup.locator('a[data-field="link"]').first().waitFor({ timeout: 20_000 });
    await mkdir('artifacts', { recursive: true });
    await popup.screenshot({ path: 'artifacts/demo-popup.png' });
    console.log(`Sent. Link: ${await popup.locator('a[data-field="link"]').first().getAttribute('href')}`);
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
  session.context.on('close', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
