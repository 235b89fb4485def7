import { xfsPreset } from '../xfs/define';

// Any other XFileSharing host: the user gives the base URL, and
// probeCapabilities finds out which of the standard endpoints it answers.
export const customXfs = xfsPreset(
  {
    id: 'xfs',
    label: 'XFS-compatible host',
    apiBase: '',
    links: { watch: '{origin}/{code}', embed: '{origin}/e/{code}' },
    adultFlag: true,
  },
  {},
);
