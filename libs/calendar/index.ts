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
