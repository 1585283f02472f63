/** The mainland China working-day calendar in Beijing time: holidays, make-up working days, counting working days. Runs in browsers. */
export {
  addWorkingDays,
  beijingDate,
  calendarYears,
  dateOfDay,
  dayInfo,
  dayNumber,
  isKnownYear,
  isWorkingDay,
  type DayInfo,
  type DayKind,
  type WorkingDaysResult,
} from './working-days.js';
