// An empty extension page, in the test build only (wxt.config.ts): the benches
// open it beside the popup after a browser start, so that what the browser
// itself takes to start an extension page is measured in the same run.
const app = document.getElementById('app');
if (app) app.textContent = 'VidRelay';
