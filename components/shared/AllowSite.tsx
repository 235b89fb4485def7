import { requestHostAccess, sitePatterns } from '../../lib/accounts/host-access';
import type { PublicAccount } from '../../lib/accounts';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messaging';
import { useAction } from '../hooks/useAction';
import { ErrorNote } from './ErrorNote';

// A job stopped because its host named an upload server on a site the account
// does not allow (lib/accounts/sites.ts): one click asks the browser for that
// site, allows it for this account, and sends the job again.

interface Props {
  jobId: string;
  site: string;
  account: Pick<PublicAccount, 'id' | 'label' | 'allowHttp'> | undefined;
}

export function AllowSite({ jobId, site, account }: Props) {
  const action = useAction();
  if (!account) return null;
  const allow = () => {
    // The browser's prompt must come first, while the click still counts as a user gesture.
    const granted = requestHostAccess(sitePatterns(site, account.allowHttp)).catch(() => false);
    void action.run(async () => {
      if (!(await granted)) throw new Error(t('jobAllowSiteRefused', site));
      await send('accounts.allowSite', { id: account.id, site });
      await send('jobs.retry', { id: jobId });
    });
  };
  return (
    <div class="row small">
      <button type="button" disabled={action.pending} onClick={allow}>
        {t('jobAllowSite', [site, account.label])}
      </button>
      <ErrorNote error={action.error} />
    </div>
  );
}
