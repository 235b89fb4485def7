import { z } from '../zod';
import { capabilityNames } from '../hosts/types';
import { registeredHostIds } from '../hosts/registry';
import { isWebLinkTemplate } from './link-templates';

// Accounts as stored (with the key) and as UI pages see them (key masked).

export const hostIds = registeredHostIds;

const linkTemplatesSchema = z.object({ watch: z.string().optional(), embed: z.string().optional(), download: z.string().optional() }).optional();

export const accountDefaultsSchema = z.object({
  folderId: z.string().optional(),
  categoryId: z.string().optional(),
  tags: z.string().optional(),
  public: z.boolean().optional(),
  adult: z.boolean().optional(),
  linkFormat: z.string().optional(),
});

const capabilityOverridesSchema = z.partialRecord(z.enum(capabilityNames), z.boolean());

export const accountSchema = z.object({
  id: z.string().min(1),
  hostId: z.enum(hostIds),
  label: z.string(),
  apiBase: z.string().optional(),
  key: z.string(),
  /** The API origin the key was entered for (see lib/accounts/key-origin.ts); absent: the account's own, as before. */
  keyOrigin: z.string().optional(),
  login: z.string().optional(),
  enabled: z.boolean().default(true),
  allowHttp: z.boolean().default(false),
  /** Upload sites (registrable domains) beyond the API's and the preset's that the user allowed this account's key to go to. */
  allowedUploadSites: z.array(z.string().max(253)).max(50).optional(),
  capabilityOverrides: capabilityOverridesSchema.optional(),
  /** Capabilities found by probing a custom XFS host. */
  probedCapabilities: z.array(z.enum(capabilityNames)).optional(),
  linkTemplates: linkTemplatesSchema,
  defaults: accountDefaultsSchema.default({}),
  createdAt: z.number().default(0),
});

export type Account = z.infer<typeof accountSchema>;

/** What the options page sends to save an account; an empty key keeps the stored one. */
export const accountInputSchema = accountSchema
  // Allowed upload sites change only through "Allow <site>" (accounts.allowSite), never with the form.
  .omit({ id: true, createdAt: true, key: true, keyOrigin: true, allowedUploadSites: true })
  .extend({
    id: z.string().optional(),
    key: z.string().optional(),
    linkTemplates: linkTemplatesSchema.refine(
      (templates) => Object.values(templates ?? {}).every((template) => template === undefined || isWebLinkTemplate(template)),
      'A link template must make an http:// or https:// link, e.g. https://host.example/{code}',
    ),
  });
export type AccountInput = z.infer<typeof accountInputSchema>;

export type PublicAccount = Omit<Account, 'key'> & {
  keyHint: string;
  hasKey: boolean;
  /** Host access the account needs (its sites by the public suffix list), as the background works them out. */
  accessPatterns?: string[];
};

export function maskKey(key: string): string {
  if (!key) return '';
  return key.length <= 6 ? '••••' : `••••${key.slice(-4)}`;
}

export function toPublicAccount(account: Account): PublicAccount {
  const { key, ...rest } = account;
  return { ...rest, keyHint: maskKey(key), hasKey: key.length > 0 };
}
