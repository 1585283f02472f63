import { guardFields, guardOptions } from '../errors/guards.js';
import { guardCompany } from '../rules/company-fields.js';

/** The options of the scoring functions (ScoreOptions, and explain's `lang`): INVALID_TYPE naming the field of the wrong kind. */
export function guardScoreOptions(options: unknown, where: string): void {
  guardOptions(options, where);
  if (options === undefined) return;
  guardFields(options as object, where, { profile: 'string|object?', company: 'object?', allowUnconfirmed: 'boolean?', lang: 'string?' });
  const { company } = options as { company?: unknown };
  if (company !== undefined) guardCompany(company, `${where}.company`);
}
