import { jobSchema, withoutUndefined, type Job, type JobGroupRef, type JobKind } from '../model/job';
import { jobSchemaV3, type JobV3 } from './record-v3';

// The step from job record version 3 to 4. Version 3 kept a mirror as a
// stored parent job listing its children (`childIds`, each child pointing
// back with `parentId`); version 4 keeps no parent: each member carries
// `group: { id, index }` (the parent's id, its place in `childIds`) and the
// mirror is derived from its members when read. Fields a job carried that
// mean nothing for its kind (a remote job has no upload phase) are dropped.

/** What a version 3 job of each kind carried that its version 4 kind has no field for. */
const notOfKind: Record<JobKind, readonly (keyof JobV3)[]> = {
  remote: ['file', 'phase', 'bytesSent', 'bytesTotal', 'speed'],
  file: ['url', 'phase', 'waiting'],
  relay: ['file', 'waiting'],
};

export type StepResult = { job: Job } | { problem: string };

function problemOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(job)'}: ${i.message}`).join('; ');
}

const ungroupedMirrorProblem =
  'A mirror from an older VidRelay whose jobs were not all found (or could not be read) when mirrors became groups; kept as it was. Its other jobs are in History.';

/** One version 2 or 3 job as version 4; `group` for a mirror's job. A mirror parent is no job any more. */
export function jobV3toV4(raw: unknown, group?: JobGroupRef): StepResult {
  const parsed = jobSchemaV3.safeParse(raw);
  if (!parsed.success) return { problem: problemOf(parsed.error) };
  if (parsed.data.kind === 'mirror') return { problem: ungroupedMirrorProblem };
  // `parentId` left without a group: its parent was gone already, and the job stands alone.
  const { parentId: _parent, childIds: _children, ...fields } = parsed.data;
  const kept: Record<string, unknown> = { ...fields };
  for (const key of notOfKind[parsed.data.kind]) delete kept[key];
  if (group) kept.group = group;
  const next = jobSchema.safeParse(withoutUndefined(kept));
  return next.success ? { job: next.data } : { problem: problemOf(next.error) };
}

export interface GroupPlan {
  /** Members, as version 4 jobs with their group. */
  members: Job[];
  /** Parents every member of which is among `members`: removed in the same write. */
  removed: string[];
  /** Parents kept as they were (and reported): a member was missing or unreadable, or the parent itself was. */
  kept: { id: string; problem: string }[];
}

type Raw = Record<string, unknown>;

/**
 * Turn the version 3 mirror parents among `records` into groups. `records`
 * must hold every parent and every job pointing at one (other records may
 * come along and are left alone). An unreadable child is left as it is.
 */
export function planGroups(records: readonly unknown[]): GroupPlan {
  const byId = new Map<string, Raw>();
  const pointing = new Map<string, string[]>();
  for (const record of records) {
    if (!record || typeof record !== 'object') continue;
    const raw = record as Raw;
    byId.set(String(raw.id), raw);
    if (typeof raw.parentId === 'string') pointing.set(raw.parentId, [...(pointing.get(raw.parentId) ?? []), String(raw.id)]);
  }
  const plan: GroupPlan = { members: [], removed: [], kept: [] };
  // A job is in one mirror at most: a second parent naming it finds it missing.
  const claimed = new Set<string>();
  for (const parent of byId.values()) {
    if (parent.kind !== 'mirror') continue;
    const id = String(parent.id);
    const listed = Array.isArray(parent.childIds) ? parent.childIds.filter((c): c is string => typeof c === 'string') : [];
    // A child pointing here that the list lost still belongs to it, after the listed ones.
    const ids = [...listed, ...(pointing.get(id) ?? []).filter((c) => !listed.includes(c))];
    const missing: string[] = [];
    ids.forEach((childId, index) => {
      const child = byId.get(childId);
      const step = child && child.kind !== 'mirror' && !claimed.has(childId) ? jobV3toV4(child, { id, index }) : undefined;
      if (step && 'job' in step) {
        plan.members.push(step.job);
        claimed.add(childId);
      } else missing.push(childId);
    });
    if (ids.length > 0 && missing.length === 0 && jobSchemaV3.safeParse(parent).success) plan.removed.push(id);
    else {
      const why = !ids.length
        ? 'it lists no jobs'
        : missing.length
          ? `missing or unreadable: ${missing.join(', ')}`
          : 'the mirror record itself could not be read';
      plan.kept.push({ id, problem: `${ungroupedMirrorProblem} (${why})` });
    }
  }
  return plan;
}
