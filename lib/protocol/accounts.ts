import { z } from '../zod';
import { accountInputSchema, type PublicAccount } from '../accounts';
import type { AccountInfo } from '../hosts/types';
import { settingsSchema, type Settings } from '../storage/settings';

export const accountRequests = {
  'accounts.list': z.object({}),
  'accounts.save': z.object({ account: accountInputSchema }),
  'accounts.remove': z.object({ id: z.string() }),
  'accounts.test': z.object({ account: accountInputSchema }),
  'accounts.setEnabled': z.object({ id: z.string(), enabled: z.boolean() }),
  'accounts.allowSite': z.object({ id: z.string(), site: z.string().min(1).max(253) }),
  'accounts.accessPatterns': z.object({ hostId: z.string(), apiBase: z.string().max(2000).optional(), allowHttp: z.boolean().optional() }),
  'settings.get': z.object({}),
  'settings.save': z.object({ defaultAccountId: z.string().optional() }),
  'settings.language': z.object({ language: settingsSchema.shape.language }),
} as const;

export interface AccountResponses {
  'accounts.list': PublicAccount[];
  'accounts.save': PublicAccount;
  'accounts.remove': { removed: boolean };
  'accounts.test': AccountInfo;
  'accounts.setEnabled': PublicAccount;
  'accounts.allowSite': PublicAccount;
  'accounts.accessPatterns': string[];
  'settings.get': Settings;
  'settings.save': Settings;
  'settings.language': Settings;
}
