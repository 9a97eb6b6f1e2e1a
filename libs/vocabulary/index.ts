export { PlacementKind, PLACEMENT_KIND_LABELS } from './placement-kind.js';
export { SwedishLevel, SWEDISH_LEVELS_ASCENDING, meetsSwedishLevel } from './swedish-level.js';
export { Weekday } from './weekday.js';
export { LanguageLevel } from './language-level.js';
export { ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS } from './establishment-period.js';
