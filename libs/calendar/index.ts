export {
  addDays,
  addMonths,
  calendarDateProblem,
  isoDate,
  lastDayWithin,
  parseIsoDate,
  startOfDay,
} from './calendar-date.js';
