import type { Kind } from '../engine/types.js';
import bookTitle from './book-title.js';
import closingDate from './closing-date.js';
import closingSigner from './closing-signer.js';
import confusable from './confusable.js';
import enumerationSequence from './enumeration-sequence.js';
import firstResponsibleDuty from './first-responsible-duty.js';
import formulation from './formulation.js';
import hiddenCharacters from './hidden-characters.js';
import lawTitle from './law-title.js';
import levelConsistency from './level-consistency.js';
import numberFormat from './number-format.js';
import pairedPunctuation from './paired-punctuation.js';
import pattern from './pattern.js';
import placeholder from './placeholder.js';
import problemsNextSteps from './problems-next-steps.js';
import punctuationWidth from './punctuation-width.js';
import quantifiedResults from './quantified-results.js';
import requiredSections from './required-sections.js';
import requiredTerm from './required-term.js';
import spam from './spam.js';
import substitution from './substitution.js';
import title from './title.js';
import typo from './typo.js';
import webResidue from './web-residue.js';
import yearConsistency from './year-consistency.js';

/** Every kind a rule file may name. Adding a kind: one module, one line here. */
export const kinds: Record<string, Kind> = Object.fromEntries(
  [
    bookTitle,
    closingDate,
    closingSigner,
    confusable,
    enumerationSequence,
    firstResponsibleDuty,
    formulation,
    hiddenCharacters,
    lawTitle,
    levelConsistency,
    numberFormat,
    pairedPunctuation,
    pattern,
    placeholder,
    problemsNextSteps,
    punctuationWidth,
    quantifiedResults,
    requiredSections,
    requiredTerm,
    spam,
    substitution,
    title,
    typo,
    webResidue,
    yearConsistency,
  ].map((k) => [k.name, k]),
);
