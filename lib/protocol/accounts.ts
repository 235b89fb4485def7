import { z } from '../zod';
import { accountInputSchema, type PublicAccount } from '../accounts';
import type { AccountInfo } from '../hosts/types';
import type { Settings } from '../storage/items';

export const accountRequests = {
  'accounts.list': z.object({}),
  'accounts.save': z.object({ account: accountInputSchema }),
  'accounts.remove': z.object({ id: z.string() }),
  'accounts.test': z.object({ account: accountInputSchema }),
  'accounts.setEnabled': z.object({ id: z.string(), enabled: z.boolean() }),
  'settings.get': z.object({}),
  'settings.save': z.object({ defaultAccountId: z.string().optional() }),
} as const;

export interface AccountResponses {
  'accounts.list': PublicAccount[];
  'accounts.save': PublicAccount;
  'accounts.remove': { removed: boolean };
  'accounts.test': AccountInfo;
  'accounts.setEnabled': PublicAccount;
  'settings.get': Settings;
  'settings.save': Settings;
}
