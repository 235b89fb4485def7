// Local video-host simulator: a real HTTP server on 127.0.0.1 speaking the API
// of every registered host in its family's dialect (XFS, megamax, Streamtape,
// Mixdrop), plus a generic XFS host and a reduced one.
export type {
  SimFile,
  SimFolder,
  HostSim,
} from './types';
export { startHostSim } from './server';
