import type { Kind } from '../engine/types.js';
import closingDate from './closing-date.js';
import closingSigner from './closing-signer.js';
import firstResponsibleDuty from './first-responsible-duty.js';
import pattern from './pattern.js';
import problemsNextSteps from './problems-next-steps.js';
import quantifiedResults from './quantified-results.js';
import requiredSections from './required-sections.js';
import requiredTerm from './required-term.js';
import substitution from './substitution.js';

/** Every kind a rule file may name. Adding a kind: one module, one line here. */
export const kinds: Record<string, Kind> = Object.fromEntries(
  [
    closingDate,
    closingSigner,
    firstResponsibleDuty,
    pattern,
    problemsNextSteps,
    quantifiedResults,
    requiredSections,
    requiredTerm,
    substitution,
  ].map((k) => [k.name, k]),
);
