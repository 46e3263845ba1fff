import { describe, expect, it } from 'vitest';
import { catalog, findService, parseCatalog, type Service } from '../../flows/catalog';
import { collectSources, collectTexts, expectComplaintCited, expectSourcesExist } from './support';

const SEED_000 = '000_89b8ef86f4446315.txt';
const SEED_001 = '001_058569bc204a025c.txt';
const SEED_002 = '002_3ac65400ac0ed134.txt';

/** The seed whose complaint procedure each service follows (seed 004 has none: it is §4 of the same Rules in seed 000). */
const PROCEDURE_SEED: Record<Service['id'], string> = {
  'duplicate-school': SEED_000,
  'duplicate-tvet': SEED_000,
  'duplicate-higher': SEED_000,
  'correct-education-document': SEED_001,
  'academic-leave': SEED_002,
  'free-meals': SEED_002,
  'tvet-admission': SEED_002,
  dormitory: SEED_002,
  'transfer-reinstatement': SEED_002,
  'incomplete-education-certificate': SEED_002,
  'state-order-competition': SEED_002,
};

const service = (id: string) => findService(id)!;

describe('complaint procedure of every service', () => {
  it('cites only the seed of its own procedure, in lines that exist and hold the facts', () => {
    for (const s of catalog) {
      const cited = collectSources(s.complaint);
      expect(cited.length, s.id).toBeGreaterThan(0);
      expect(new Set(cited.map((c) => c.source.seed)), s.id).toEqual(new Set([PROCEDURE_SEED[s.id]]));
      // The catalog-wide check of cited lines reaches the complaint too.
      expect(collectSources(s).some((c) => c.path.startsWith('complaint.'))).toBe(true);
      expectSourcesExist(s);
      expectComplaintCited(s);
    }
  });

  it('seed 000: the head of the provider (5), the authorised body (15), the State Corporation branch; extension, court; no forwarding', () => {
    for (const id of ['duplicate-school', 'duplicate-tvet', 'duplicate-higher']) {
      const { complaint } = service(id);
      expect(complaint.addressees.map((a) => [a.id, a.against, a.reviewWorkingDays])).toEqual([
        ['provider', ['provider', 'result'], 5],
        ['authorised_body', ['provider', 'result'], 15],
        ['state_corporation', ['state_corporation'], 5],
      ]);
      expect(complaint.extension).toMatchObject({ maxWorkingDays: 10, noticeWorkingDays: 3 });
      expect(complaint.forwarding).toBeUndefined();
      expect(complaint.addressees[2]!.address?.ru).toContain('www.gov4c.kz');
      expect(collectSources(complaint).map((c) => c.source.lines)).toEqual(expect.arrayContaining(['L534-542', 'L544-558', 'L560-572', 'L574-600', 'L602-606']));
    }
    expect(service('duplicate-school').complaint.addressees[0]!.name.ru).toBe('Руководитель школы');
    expect(service('duplicate-tvet').complaint.addressees[0]!.name.kk).toBe('Колледж басшысы');
    expect(service('duplicate-higher').complaint.addressees[0]!.name.ru).toBe('Руководитель вуза');
  });

  it('seed 001: filed with the provider (5), sent on within 3 working days, the authorised body (15), court after the complaint; no extension', () => {
    const { complaint } = service('correct-education-document');
    expect(complaint.addressees.map((a) => [a.id, a.reviewWorkingDays])).toEqual([
      ['provider', 5],
      ['authorised_body', 15],
    ]);
    expect(complaint.forwarding?.workingDays).toBe(3);
    expect(complaint.extension).toBeUndefined();
    expect(complaint.court.text.ru).toMatch(/сначала подаётся жалоба в досудебном порядке, и только после неё можно обратиться в суд/);
  });

  it('seed 002: the provider, the akimat and the Ministry in Astana (5), the authorised body for the result (15), court', () => {
    for (const id of ['academic-leave', 'free-meals', 'tvet-admission', 'dormitory', 'transfer-reinstatement', 'incomplete-education-certificate', 'state-order-competition']) {
      const { complaint } = service(id);
      expect(
        complaint.addressees.map((a) => [a.id, a.against, a.reviewWorkingDays]),
        id,
      ).toEqual([
        ['provider', ['provider', 'result'], 5],
        ['akimat', ['provider', 'result'], 5],
        ['ministry', ['provider', 'result'], 5],
        ['authorised_body', ['result'], 15],
      ]);
      expect(complaint.addressees[2]!.address).toEqual({
        kk: '010000, Астана қаласы, Мәңгілік Ел даңғылы, 8 немесе Орынбор көшесі, 8',
        ru: '010000, г. Астана, проспект Мәңгілік Ел, 8 или улица Орынбор, 8',
      });
      expect(complaint.extension).toBeUndefined();
      expect(complaint.forwarding).toBeUndefined();
      expect(complaint.notes.map((n) => n.text.ru).join(' ')).toContain('1414');
    }
  });

  it('sums it up for citizens in both languages: every addressee’s term and court, in the style guide’s words', () => {
    for (const s of catalog) {
      const { summary, addressees } = s.complaint;
      for (const days of new Set(addressees.map((a) => a.reviewWorkingDays))) {
        expect(summary.ru, s.id).toContain(`${days} рабочих дней`);
        expect(summary.kk, s.id).toContain(`${days} жұмыс күні`);
      }
      expect(summary.ru).toMatch(/в суд/i);
      expect(summary.kk).toMatch(/сотқа/i);
      for (const { kk, ru } of collectTexts(s.complaint)) {
        expect(ru).not.toMatch(/услугодател|услугополучател|[Ии]сточник|\.\.|,,|\s,| {2}/);
        expect(kk).not.toMatch(/көрсетілетін қызметті беруші|[Дд]ереккөз|ХҚО|\.\.|,,|\s,| {2}/);
      }
      if (addressees.some((a) => a.id === 'state_corporation')) {
        expect(summary.ru).toContain('Госкорпорации «Правительство для граждан» (ЦОН)');
        expect(summary.kk).toContain('«Азаматтарға арналған үкімет» мемлекеттік корпорациясының (ХҚКО)');
      }
    }
    expect(service('duplicate-school').complaint.summary.ru).toMatch(/^Жалобу на решение или действия школы подайте руководителю школы — ответ в течение 5 рабочих дней\./);
    expect(service('duplicate-school').complaint.summary.kk).toMatch(/^Мектептің шешіміне немесе әрекетіне шағымды мектеп басшысының атына беріңіз – 5 жұмыс күні ішінде қаралады\./);
    expect(service('dormitory').complaint.summary.ru).toContain('акиму города или района');
    expect(service('free-meals').complaint.summary.ru).toMatch(/^Жалобу на решение или действия организации, которая оказывает услугу, подайте руководителю этой организации/);
  });

  it('refuses a complaint without an addressee, two of the same, or one to the State Corporation for a service it does not take', () => {
    const school = service('duplicate-school');
    const dormitory = service('dormitory');
    expect(() => parseCatalog([{ ...school, complaint: { ...school.complaint, addressees: [] } }])).toThrow();
    const first = school.complaint.addressees[0]!;
    expect(() => parseCatalog([{ ...school, complaint: { ...school.complaint, addressees: [first, first] } }])).toThrow(/two addressees provider/);
    const stateCorporation = school.complaint.addressees[2]!;
    expect(() => parseCatalog([{ ...dormitory, complaint: { ...dormitory.complaint, addressees: [...dormitory.complaint.addressees, stateCorporation] } }])).toThrow(/does not take/);
    const { complaint: _complaint, ...withoutComplaint } = school;
    expect(() => parseCatalog([withoutComplaint])).toThrow();
  });
});
