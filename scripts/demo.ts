// `npm run demo`: host simulator + Chromium with the built extension and a
// ready demo account. Flags: --headless (machines without a display),
// --once (send one demo video, screenshot the popup, exit), --port N.
import { mkdir } from 'node:fs/promises';
import { startHostSim } from '../tests/host-sim';
import { seedDemo } from '../tests/host-sim/demo-seed';
import { launchExtension } from '../tests/e2e/browser';
import { accountSchema } from '../lib/accounts';
import { settingsSchema } from '../lib/settings';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const once = args.includes('--once');
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 8787;

async function main() {
  const sim = await startHostSim({ port, encodeMs: 20_000 });
  // One demo account per preset, each with folders and files on the simulator.
  const accounts = seedDemo(sim).map((demo) =>
    accountSchema.parse({
      id: `demo-${demo.hostId.replace(/\W/g, '-')}`,
      hostId: demo.hostId,
      label: `Demo ${demo.hostId === 'xfs' ? 'custom XFS host' : demo.hostId}`,
      apiBase: demo.apiBase,
      key: demo.key,
      login: demo.hostId === 'megamax.me' ? demo.login : undefined,
      createdAt: Date.now(),
    }),
  );
  const main = accounts[0];

  const session = await launchExtension({ headless });
  const worker = await session.worker();
  await worker.evaluate(
    async ({ list, settings }) => {
      await chrome.storage.local.set({ accounts: { version: 1, data: list }, settings: { version: 1, data: settings } });
    },
    { list: accounts, settings: settingsSchema.parse({ defaultAccountId: main.id }) },
  );

  const popup = await session.context.newPage();
  await popup.goto(session.url('popup.html'));

  console.log(`
VidRelay demo is running.
  Host simulator:   ${sim.origin}  (media.cm dialect at ${sim.apiBase('media.cm')})
  Demo accounts:    ${accounts.map((a) => a.label).join(', ')} (default: ${main.label})
  Extension id:     ${session.extensionId}
  Popup:            ${session.url('popup.html')}
  Options:          ${session.url('options.html')}
  A sample video:   ${sim.videoUrl('demo', 2 * 1024 * 1024)}

Try: paste the sample video URL in the popup and press Send; the job appears with its link.
Or open ${sim.pageUrl('video')} and right-click the video: "Send to host".
${once ? 'Running the demo flow once…' : headless ? 'Running headless (no display found): add --once to run the demo flow and save a screenshot.\nPress Ctrl+C to stop.' : 'Press Ctrl+C to stop.'}`);

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
