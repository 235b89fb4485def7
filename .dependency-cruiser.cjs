// The architecture, as the import gate (`npm run lint:deps`, a step of .ci/run)
// enforces it. Layers from top to bottom: a module may import from its own
// folder and from any layer below its own, never from one above, and never from
// a sibling in its own layer (siblings are independent; if one comes to need the
// other, give them an order here). Type-only imports count like any other: a
// type is part of the contract between layers, and no cycle may pass through a
// type-only import either (no-circular). Every module of entrypoints/,
// components/ and lib/ must sit in a layer.

/** @type {{ layer: string[]; holds: string }[]} */
const layers = [
  { layer: ['entrypoints'], holds: 'thin browser entrypoints: wire events to lib/background, render components' },
  { layer: ['components'], holds: 'Preact views by page, with shared views, hooks and formatting; talk to the background only through lib/messaging' },
  { layer: ['lib/background'], holds: 'the background: composition root, handlers, accounts with keys, send-to-host, jobs, link health, stored items' },
  { layer: ['lib/upload'], holds: 'the uploader (offscreen document or page) and its background bridge' },
  { layer: ['lib/messaging'], holds: 'send() and the envelope of the one protocol' },
  { layer: ['lib/protocol'], holds: 'every request and response of that protocol, zod-checked' },
  { layer: ['lib/links'], holds: 'link formats, exports, filters, health checks over jobs and host files' },
  { layer: ['lib/queue', 'lib/media', 'lib/settings-file'], holds: 'jobs (model, store, history, runner, drivers); the video finder; settings import/export' },
  {
    layer: ['lib/storage'],
    holds: 'what is stored: the versioned-item helper, per-entry records, the account store with its secret store (IndexedDB), the settings item',
  },
  { layer: ['lib/accounts'], holds: 'the stored-account schema, the origin a key is bound to, host permissions, what a host takes (upload fit)' },
  { layer: ['lib/hosts'], holds: 'the host layer: dialects, presets, registry, HostClient' },
  { layer: ['lib/format'], holds: 'sizes and durations as people read them' },
  { layer: ['lib/errors', 'lib/zod', 'lib/i18n'], holds: 'the cross-cutting base: the app error and its codes; zod, jitless; translations' },
  { layer: ['lib/scrub'], holds: 'removing secrets from text' },
  { layer: ['public'], holds: 'static data (locale messages)' },
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A folder or a single file (lib/zod.ts) of that name. */
const member = (name) => `^${escapeRegExp(name)}(/|\\.tsx?$)`;
const anyOf = (names) => names.map(member).join('|');

const order = layers.flatMap(({ layer, holds }, index) => {
  const above = layers.slice(0, index).flatMap((l) => l.layer);
  const rules = [];
  if (above.length) {
    rules.push({
      name: `layer-order: ${layer.join(', ')}`,
      comment: `${layer.join(', ')} (${holds}) imports only from layers below it, not from ${above.join(', ')}`,
      severity: 'error',
      from: { path: anyOf(layer) },
      to: { path: anyOf(above) },
    });
  }
  for (const name of layer) {
    const siblings = layer.filter((other) => other !== name);
    if (!siblings.length) continue;
    rules.push({
      name: `layer-siblings: ${name}`,
      comment: `${name} and ${siblings.join(', ')} share a layer and stay independent of each other`,
      severity: 'error',
      from: { path: member(name) },
      to: { path: anyOf(siblings) },
    });
  }
  return rules;
});

const placed = anyOf(layers.flatMap((l) => l.layer));

module.exports = {
  forbidden: [
    ...order,
    {
      // Everything stored is reached through the background context: each stored item is
      // declared once and listed in lib/background/stored/registry.ts, and the composition
      // root (lib/background/root/) hands it to the services it builds. A module elsewhere in
      // lib/background that opened an item itself would read and write storage behind the
      // context's back, out of the tests' in-memory stores and out of the unreadable-data report.
      // A type reaches no storage, so type-only imports pass (a service names the store it is handed).
      name: 'stored-items-through-root',
      comment:
        'in lib/background only the composition root (root/) and the stored items (stored/) import a stored item, what opens one (lib/storage but for settings.ts and versioned-record.ts), or the settings file (which opens the stored accounts and settings); every other module is handed what it needs',
      severity: 'error',
      from: { path: '^lib/background/', pathNot: '^lib/background/(root|stored)/' },
      to: {
        path: '^lib/(storage|settings-file)/|^lib/background/stored/',
        pathNot: '^lib/storage/(settings|versioned-record)\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-unplaced-module',
      comment: 'every module of entrypoints/, components/ and lib/ belongs to a layer: add new folders to the list above',
      severity: 'error',
      from: { path: '^(entrypoints|components|lib)/', pathNot: placed },
      to: {},
    },
    {
      name: 'no-import-of-unplaced',
      comment: 'the app imports only modules that sit in a layer (tests, bench and scripts are not part of it)',
      severity: 'error',
      from: { path: '^(entrypoints|components|lib)/' },
      to: { dependencyTypesNot: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'core'], pathNot: placed },
    },
    {
      // Type-only hops count: a cycle of types is still two modules that cannot
      // be read, tested or moved one without the other.
      name: 'no-circular',
      comment: 'no module imports itself back, directly or round about, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      comment: 'no two folders import each other, directly or round about',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves to a file or an installed package',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|node_modules)/' },
    // Type-only imports are dependencies too (see the top of this file).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
