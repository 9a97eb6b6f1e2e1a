export {
  addDays,
  addMonths,
  calendarDateProblem,
  daysBetween,
  isoDate,
  lastDayWithin,
  parseIsoDate,
  startOfDay,
} from './calendar-date.js';
export { SWEDISH_TIME_ZONE, TODAY_IN_SWEDEN_SQL, swedishTime, todayInSweden } from './swedish-time.js';
