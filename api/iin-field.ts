import { z } from 'zod';
import { validateIin } from '../domain/iin';

/**
 * An IIN in a request body: spaces and dashes dropped, 12 digits whose birth date and check digit
 * hold, each failure named so that the client knows which digit to look at.
 *
 * @example
 * const Body = z.object({ iin: IinField });
 * Body.parse({ iin: '850520 400003' }).iin; // '850520400003'
 */
export const IinField = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    const result = validateIin(value);
    if (result.ok) return result.iin;
    ctx.addIssue({
      code: 'custom',
      message: result.reason === 'checksum' ? 'the IIN check digit does not match: a digit is wrong' : result.reason === 'format' ? 'an IIN is 12 digits' : 'the IIN holds no valid birth date',
    });
    return z.NEVER;
  });
