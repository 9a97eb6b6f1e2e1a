export { OpeningsModule } from './openings.module.js';
export { Opening } from './entities/opening.entity.js';
export { OpeningStatus } from './opening-status.js';
