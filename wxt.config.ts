import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Loopback hosts are declared up front: the demo host and e2e run there.
// Every other host's origin is requested at runtime, per account.
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'VidRelay',
    description: 'Send videos to video hosts and manage the links that come back.',
    default_locale: 'en',
    permissions: [
      'storage',
      'contextMenus',
      'alarms',
      'notifications',
      'activeTab',
      'scripting',
      ...(browser === 'chrome' ? ['offscreen'] : []),
    ],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'open-manager': {
        suggested_key: { default: 'Alt+Shift+U' },
        description: 'Open the VidRelay manager',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'vidrelay@vidrelay.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
