export { DemoDataModule } from './demo-data.module.js';
export {
  DemoDataService,
  describeDemoDataReport,
  DEFAULT_DEMO_PARTICIPANTS,
  DEMO_SEED,
  type DemoDataOptions,
  type DemoDataReport,
} from './demo-data.service.js';
export {
  DEMO_ORGANISATIONS,
  DEMO_USERS,
  DEMO_PASSWORD,
  allDemoUsers,
  type DemoOrganisationKey,
  type DemoUser,
} from './demo-organisations.js';
export {
  generateParticipants,
  generateDemoParticipants,
  DEMO_DISTRIBUTION,
  DEMO_REFERENCE_YEAR,
  VARMDO_HOMES,
  NACKA_HOMES,
  type GeneratedParticipant,
  type GeneratedFacts,
  type GenerateParticipantsOptions,
  type DemoParticipant,
} from './demo-participants.js';
export { DEMO_OPENINGS, DEMO_TRACKS, type DemoOpening, type DemoTrack } from './demo-openings-and-tracks.js';
export * as DemoConcepts from './demo-concepts.js';
