export { TracksModule } from './tracks.module.js';
export { Track } from './entities/track.entity.js';
export { TrackIntake } from './entities/track-intake.entity.js';
export { TrackEnrolment } from './entities/track-enrolment.entity.js';
