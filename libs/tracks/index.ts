export { TracksModule } from './tracks.module.js';
export {
  TracksService,
  type EnrolmentWithdrawalCheck,
  type PartnerRemoval,
  type PartnerRemovalCheck,
  type TrackChangeListener,
} from './tracks.service.js';
export { Track } from './entities/track.entity.js';
export { TrackIntake } from './entities/track-intake.entity.js';
export { TrackEnrolment } from './entities/track-enrolment.entity.js';
export { TrackIntakeType, TrackType, TrackEnrolmentType } from './dtos/track.type.js';
export { AddTrackIntakeInput, CreateTrackInput } from './dtos/track.inputs.js';
export { unmetPrerequisites, type TrackPrerequisites, type PrerequisiteFacts } from './prerequisites.js';
