import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { preactWithoutInnerHtml } from './scripts/preact-without-inner-html';

// A test build (VIDRELAY_TEST_BUILD=1: e2e tests, benches, the demo) adds the hook
// tests reach the background through (lib/background/root/test-hooks.ts) and goes
// to .output/test/, so that .output/<browser>-mv3 (linted, measured, zipped) is
// always the production build, which has none of it. The test build also has an
// empty page (entrypoints/blank), the benches' measure of what any extension page takes.
const testBuild = process.env.VIDRELAY_TEST_BUILD === '1';

// Permissions: only what VidRelay uses at install (no unlimitedStorage: file
// bytes never go to storage). Loopback hosts are declared up front: the demo
// host and e2e run there. Every other host's origin is requested at runtime,
// per account, from the options page ("Grant access").
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  ...(testBuild ? { outDir: '.output/test' } : {}),
  hooks: {
    'entrypoints:found': (_wxt, infos) => {
      if (testBuild) return;
      const blank = infos.findIndex((info) => info.name === 'blank');
      if (blank >= 0) infos.splice(blank, 1);
    },
  },
  vite: () => ({
    define: { 'import.meta.env.VIDRELAY_TEST_BUILD': JSON.stringify(testBuild) },
    plugins: [preactWithoutInnerHtml(), preact()],
  }),
  // `wxt zip -b firefox` also writes the sources zip AMO asks for (the build is
  // bundled); build output and review artifacts are not sources.
  zip: { excludeSources: ['artifacts/**', '.output/**', '.wxt/**'] },
  manifest: ({ browser }) => ({
    // Names and descriptions come from public/_locales (twelve languages).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'alarms', 'notifications', 'activeTab', 'scripting', ...(browser === 'chrome' ? ['offscreen'] : [])],
    action: { default_title: '__MSG_extName__' },
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    // One pattern for both schemes: Chrome grants a request only when one declared pattern holds each
    // requested one, and an account asks for *://<domain>/* (lib/accounts/permissions.ts).
    optional_host_permissions: ['*://*/*'],
    commands: {
      'open-manager': {
        suggested_key: { default: 'Alt+Shift+U' },
        description: '__MSG_cmdOpenManager__',
      },
      'send-video': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_cmdSendVideo__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'vidrelay@vidrelay.dev',
              // data_collection_permissions needs Firefox 140 (142 on Android). Desktop
              // only, so no gecko_android: Firefox for Android has no context menus.
              // No update_url: AMO hosts the updates.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
