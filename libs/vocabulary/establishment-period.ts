/**
 * The coach should act at the latest this many months before a participant's etableringsperiod (the two-year
 * introduction programme) ends: matching counts it as urgency, and coaches are reminded of those still unplaced.
 */
export const ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS = 7;
