import type { Job } from '../../lib/queue/model/job';
import type { JobGroup } from '../../lib/queue/model/group';
import { terminalStates } from '../../lib/queue/model/states';
import { formatLinks, type LinkFormat } from '../../lib/links/formats';
import { jobLinkItem } from '../format/linkItems';

// "Copy all links" of a mirror. A host names the file (and so its links) as
// soon as the upload lands, long before it has encoded: a publisher posts the
// links then, not minutes later. So the copy is offered once no account can
// still bring a link; an account that failed does not hold the others back,
// it is named as missing.

export interface LinkChoice {
  format: LinkFormat;
  template?: string;
}

export interface MirrorCopy {
  /** The links there are, in the chosen format. */
  text: string;
  copied: number;
  total: number;
  /** The accounts without a link (failed, or waiting for the user), by label. */
  missing: string[];
}

/** The member's watch link is known and stands (an upload that failed since has none to give). */
export function memberLinked(member: Job): boolean {
  return (member.state === 'encoding' || member.state === 'ready') && !!member.links?.watch;
}

/** A member still on its way to a link: neither linked nor stopped. */
function awaitingLink(member: Job): boolean {
  return !memberLinked(member) && !terminalStates.has(member.state);
}

/** Every linked account's link in the chosen format (plain URLs, one a line, by default); '' when there is none. */
export function linkedText(group: JobGroup, choice: LinkChoice = { format: 'plain' }, labelOf: (id: string) => string = (id) => id): string {
  const items = group.members.flatMap((member) => {
    const item = memberLinked(member) ? jobLinkItem(member, labelOf(member.accountId)) : undefined;
    return item ? [item] : [];
  });
  if (!items.length) return '';
  try {
    return formatLinks(items, choice.format, choice.template);
  } catch {
    // A broken custom template must not cost the user the links themselves.
    return formatLinks(items, 'plain');
  }
}

/** What "Copy all links" copies, or undefined while it is not offered (an account may still bring its link, or none has one). */
export function mirrorCopy(group: JobGroup, choice: LinkChoice = { format: 'plain' }, labelOf: (id: string) => string = (id) => id): MirrorCopy | undefined {
  if (group.members.some(awaitingLink)) return undefined;
  const linked = group.members.filter(memberLinked);
  if (!linked.length) return undefined;
  return {
    text: linkedText(group, choice, labelOf),
    copied: linked.length,
    total: group.members.length,
    missing: group.members.filter((member) => !memberLinked(member)).map((member) => labelOf(member.accountId)),
  };
}
