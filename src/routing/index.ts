/** The 受理单's call-routing rules: check them, route calls by them, print them as a form, and analyse call records. Runs in browsers. */
export { checkRoutingRules, parseRoutingRules, RoutingRulesError, MAX_NUMBERS, MAX_DEPTH } from './check.js';
export type { RoutingRules, Route, RingRoute, SplitRoute, AreaRoute, TimeRoute, TimeRule, Landing, RingOrder, ForwardCondition, RoutingCheck, RoutingProblem, RoutingProblemCode } from './rules.js';
export { route, initialRoutingState, type Call, type RouteDecision, type RouteOptions, type RouteAttempt, type RouteStep, type RoutingState, type RefusalReason } from './route.js';
export { routingForm, formatRoutingForm, landingNumbers, type RoutingForm, type RoutingFormOptions, type FormLine } from './form.js';
export { findArea, areaCodeInfo, listAreaCodes, type AreaCode, type AreaCity, type AreaProvince, type AreaMatch } from './areas.js';
export { readPhoneNumber, parsePhoneNumber, type PhoneNumber, type PhoneNumberReading } from './phone-number.js';
export { parseCallTime, type CallTime, type DaySelector, type Weekday } from './call-time.js';
export { analyseCalls, type CallRecord, type CallResult, type CallReport, type CallTotals, type RecordProblem, type AnalyseCallsOptions, type CallRecordChunks } from './analyse-calls.js';
export { formatCallReport, type FormatCallReportOptions } from './format-report.js';
export { simulateCallRecords, callRecordLine, CALL_RECORDS_HEADER, type SimulateOptions } from './simulate.js';
