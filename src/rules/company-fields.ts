import { guardFields, invalidType } from '../errors/guards.js';

/** A company's facts as an argument: an object whose fields have the kinds CompanyProfile gives them; INVALID_TYPE naming `where.field`. */
export function guardCompany(value: unknown, where: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidType(where, '公司信息对象', "an object of the company's facts", value);
  guardFields(value, where, { founded: 'string|number?', registered: 'string?', door: 'string|number?', landline: 'string?', digits: 'array?' });
}
