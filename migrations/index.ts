import type { MigrationInterface } from 'typeorm';
import { Foundation1795425946839 } from './1795425946839-Foundation.js';
import { MarketplaceData1795432256199 } from './1795432256199-MarketplaceData.js';
import { TaxonomyLookup1795434000000 } from './1795434000000-TaxonomyLookup.js';
import { AnonymityFloor1795438215902 } from './1795438215902-AnonymityFloor.js';
import { MatchingEngine1795450225229 } from './1795450225229-MatchingEngine.js';
import { IntroductionNotification1795452000001 } from './1795452000001-IntroductionNotification.js';
import { ProfileSearchSignatures1795451000001 } from './1795451000001-ProfileSearchSignatures.js';
import { CandidateOccupiedPeriods1795453000001 } from './1795453000001-CandidateOccupiedPeriods.js';
import { OutboxPendingById1795454000001 } from './1795454000001-OutboxPendingById.js';
import { PlacementLifecycle1795455000001 } from './1795455000001-PlacementLifecycle.js';
import { FollowUpPlan1795456000001 } from './1795456000001-FollowUpPlan.js';
import { ParticipantGender1795457000001 } from './1795457000001-ParticipantGender.js';
import { CompetenceCertificates1795458000001 } from './1795458000001-CompetenceCertificates.js';
import { EstablishmentPeriodReminder1795459000001 } from './1795459000001-EstablishmentPeriodReminder.js';
import { NotificationSubject1795460000001 } from './1795460000001-NotificationSubject.js';
import { PopulationFingerprintIndex1795461000001 } from './1795461000001-PopulationFingerprintIndex.js';
import { PlacementAnewAfterCancel1795462000001 } from './1795462000001-PlacementAnewAfterCancel.js';
import { UserTokenVersion1795463000001 } from './1795463000001-UserTokenVersion.js';
import { CandidateEnrolledIntakes1795464000001 } from './1795464000001-CandidateEnrolledIntakes.js';
import { MatchingSettings1795465000001 } from './1795465000001-MatchingSettings.js';
import { ParticipantPersonnummerIndex1795466000001 } from './1795466000001-ParticipantPersonnummerIndex.js';

type MigrationClass = new () => MigrationInterface;

/** Every migration, oldest first. A test fails when a file in this folder is missing here. */
export const migrations: MigrationClass[] = [
  Foundation1795425946839,
  MarketplaceData1795432256199,
  TaxonomyLookup1795434000000,
  AnonymityFloor1795438215902,
  MatchingEngine1795450225229,
  ProfileSearchSignatures1795451000001,
  IntroductionNotification1795452000001,
  CandidateOccupiedPeriods1795453000001,
  OutboxPendingById1795454000001,
  PlacementLifecycle1795455000001,
  FollowUpPlan1795456000001,
  ParticipantGender1795457000001,
  CompetenceCertificates1795458000001,
  EstablishmentPeriodReminder1795459000001,
  NotificationSubject1795460000001,
  PopulationFingerprintIndex1795461000001,
  PlacementAnewAfterCancel1795462000001,
  UserTokenVersion1795463000001,
  CandidateEnrolledIntakes1795464000001,
  MatchingSettings1795465000001,
  ParticipantPersonnummerIndex1795466000001,
];
