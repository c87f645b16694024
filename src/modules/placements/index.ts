export { can, type PlacementAction, type PlacementFacts } from './placement.access';
export { PLACEMENT_JOBS, placementFollowUpJob } from './placement.jobs';
export { LIFECYCLE, PLACEMENT_EVENT_TYPES, planEvent } from './placement.lifecycle';
export { placementEndpoints } from './placement.routes';
export type { Checkin, Placement } from './placement.schemas';
export {
  type FollowUpEnqueuer,
  type FollowUpResult,
  PlacementService,
  startPlacement,
} from './placement.service';
