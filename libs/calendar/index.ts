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
export { SWEDISH_TIME_ZONE, swedishTime } from './swedish-time.js';
