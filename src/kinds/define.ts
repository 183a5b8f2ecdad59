import type { Kind } from '../engine/types.js';

/** Identity helper that keeps a kind's option type while the registry stores kinds uniformly. */
export function defineKind<O>(kind: Kind<O>): Kind {
  return kind as unknown as Kind;
}
