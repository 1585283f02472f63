/** The mainland China working-day calendar in Beijing time: holidays, make-up working days, counting working days. Runs in browsers. */
export {
  addWorkingDays,
  beijingDate,
  beijingTime,
  calendarYears,
  dateOfDay,
  dayInfo,
  dayNumber,
  estimateNote,
  isKnownYear,
  isWorkingDay,
  readDate,
  weekdaysAssumedNote,
  type DayInfo,
  type DayKind,
  type WorkingDaysResult,
} from './working-days.js';
export { parseDuration } from './duration.js';
