import { describe, expect, it } from 'vitest';
import { catalog, findService, SERVICE_IDS } from '../../flows/catalog';

describe('the service catalog', () => {
  it('serves all eleven services of DESIGN.md, validated', () => {
    expect(catalog.map((s) => s.id).sort()).toEqual([...SERVICE_IDS].sort());
  });

  it('finds a service by id and nothing for an unknown one', () => {
    expect(findService('duplicate-school')?.audience).toBe('citizen');
    expect(findService('state-order-competition')?.audience).toBe('organisation');
    expect(findService('passport')).toBeUndefined();
  });
});
