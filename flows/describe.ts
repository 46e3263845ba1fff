import type { Lang } from '../store/types';
import type { DataSection, DescribeContext, Flow } from './types';

/** What one flow collected in a conversation; `section` is the flow's id. */
export interface DescribedSection extends DataSection {
  section: string;
}

/** A conversation's collected data described for operators in their language. */
export type DescribeCollected = (data: Readonly<Record<string, unknown>>, lang: Lang) => DescribedSection[];

/** What the flows collected, one section per flow that has something to say, in the flows' order. */
export function describeCollected(flows: readonly Flow[], data: Readonly<Record<string, unknown>>, ctx: DescribeContext): DescribedSection[] {
  return flows.flatMap((flow) => {
    const described = flow.describe?.(data, ctx);
    return described?.items.length ? [{ section: flow.id, ...described }] : [];
  });
}
