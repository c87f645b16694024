import { ReferenceAndIdentity1763800000000 } from './1763800000000-reference-and-identity';
import { Registry1763800100000 } from './1763800100000-registry';
import { Matching1764100000000 } from './1764100000000-matching';

/** Every migration, in order. Listed explicitly so tsx, jest and the built image run the same set. */
export const MIGRATIONS = [
  ReferenceAndIdentity1763800000000,
  Registry1763800100000,
  Matching1764100000000,
];
