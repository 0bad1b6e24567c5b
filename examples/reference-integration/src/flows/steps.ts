import type { StepHandler } from '../runtime/runtime.ts';
import { releaseStep } from './release.ts';
import { returnStep } from './returns.ts';

/** Every queued step by kind; a kind nobody handles is dead-lettered at once. */
export const STEPS: Readonly<Record<string, StepHandler>> = {
  release: releaseStep,
  'return.receive': returnStep,
};
