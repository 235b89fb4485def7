import { AppError } from '../../errors';
import type { HostClient, RemoteFile } from '../../hosts/types';
import type { fileRequests, LinkSettings, ListedFile } from '../../protocol/files';
import type { HandlersFor } from '../context/handlers';
import type { BackgroundContext } from '../context/context';

// The file browser, account views and link health, answered through the
// account's HostClient. A host lacking a method rejects with `unsupported`
// before any request, so these handlers need no capability checks of their own.

export type FileHandlerDeps = Pick<BackgroundContext, 'accounts' | 'settings' | 'health'>;

function withLinks(client: HostClient, files: RemoteFile[]): ListedFile[] {
  return files.map((file) => ({ ...file, links: client.links(file.fileCode) }));
}

async function linkSettings(ctx: FileHandlerDeps): Promise<LinkSettings> {
  const [settings, accounts] = await Promise.all([ctx.settings.get(), ctx.accounts.all()]);
  const perAccount: Record<string, string> = {};
  for (const account of accounts) if (account.defaults.linkFormat) perAccount[account.id] = account.defaults.linkFormat;
  return { format: settings.linkFormat, template: settings.linkTemplate, perAccount };
}

export function createFileHandlers(deps: FileHandlerDeps): HandlersFor<typeof fileRequests> {
  const clientFor = (accountId: string) => deps.accounts.clientFor(accountId);
  return {
    'account.capabilities': async ({ accountId }) => {
      const client = await clientFor(accountId);
      return {
        accountId,
        hostId: client.preset.id,
        hostLabel: client.preset.label,
        capabilities: [...client.capabilities],
        editFields: [...client.preset.editFields],
        folderEditFields: [...client.preset.folderEditFields],
        cloneToFolder: client.preset.cloneToFolder,
        adultFlag: client.preset.adultFlag,
      };
    },
    'files.list': async ({ accountId, query }) => {
      const client = await clientFor(accountId);
      const list = await client.listFiles(query);
      return { ...list, files: withLinks(client, list.files) };
    },
    'files.info': async ({ accountId, codes }) => {
      const client = await clientFor(accountId);
      return withLinks(client, await client.fileInfo(codes));
    },
    'files.edit': async ({ accountId, codes, changes }) => (await clientFor(accountId)).editFile(codes, changes),
    'files.move': async ({ accountId, codes, folderId }) => {
      await (await clientFor(accountId)).moveFiles(codes, folderId);
      return { moved: codes.length };
    },
    'files.clone': async ({ accountId, code, title, folderId }) => {
      const client = await clientFor(accountId);
      const result = await client.cloneFile(code, { title, folderId });
      return result.fileCode ? { ...result, links: client.links(result.fileCode) } : result;
    },
    'files.delete': async ({ accountId, codes }) => {
      await (await clientFor(accountId)).deleteFiles(codes);
      return { deleted: codes.length };
    },
    'files.directLinks': async ({ accountId, code, quality, hls }) => (await clientFor(accountId)).directLinks(code, { quality, hls }),
    'files.mirrors': async ({ accountId, code }) => (await clientFor(accountId)).mirrors(code),
    'folders.list': async ({ accountId, folderId }) => {
      const listing = await (await clientFor(accountId)).listFolder(folderId, { files: false });
      return { folders: listing.folders };
    },
    'folders.create': async ({ accountId, name, parentId }) => (await clientFor(accountId)).createFolder(name, { parentId }),
    'folders.edit': async ({ accountId, folderId, name, parentId }) => {
      if (name === undefined && parentId === undefined) throw new AppError('invalid_input', 'Enter a new name or choose where to move the folder.');
      if (parentId === folderId) throw new AppError('invalid_input', 'A folder cannot be moved into itself.');
      await (await clientFor(accountId)).editFolder(folderId, { name, parentId });
      return { ok: true };
    },
    'account.stats': async ({ accountId, days }) => (await clientFor(accountId)).accountStats(days),
    'account.encodings': async ({ accountId }) => (await clientFor(accountId)).encodings(),
    'account.deleted': async ({ accountId, last }) => (await clientFor(accountId)).deletedFiles({ last }),
    'account.dmca': async ({ accountId, last }) => (await clientFor(accountId)).dmcaFiles({ last }),
    'settings.links': () => linkSettings(deps),
    'links.setDefault': async ({ accountId, format, template }) => {
      if (format === 'template' && template !== undefined && !template.trim()) {
        throw new AppError('invalid_input', 'The custom template is empty. Example: {title} {watch}');
      }
      if (accountId) {
        await deps.accounts.edit(accountId, (a) => ({ ...a, defaults: { ...a.defaults, linkFormat: format } }));
      } else {
        await deps.settings.update((s) => ({ ...s, linkFormat: format }));
      }
      if (template !== undefined) await deps.settings.update((s) => ({ ...s, linkTemplate: template }));
      return linkSettings(deps);
    },
    'health.check': async (request) => (request.source === 'history' ? deps.health.checkHistory() : deps.health.check(request.targets)),
    'health.status': () => deps.health.status(),
    'health.seen': () => deps.health.seen(),
  };
}
