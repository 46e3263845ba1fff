import { describe, it, expect } from 'vitest';
import { nextQuestion } from '../../flows/catalog/personalise';
import { freeMeals as service } from '../../flows/catalog/services/free-meals';
import { docIds, documentById, expectAfterHours, expectChecklist, expectCited, expectDocumentList, expectNoFeeHomeVisitRefusalsOrForm, expectTerms, expectValidEntry } from './support';

const ALWAYS = ['identity_document', 'application'];

describe('catalog: free meals (seed 002)', () => {
  it('is a valid, cited, bilingual entry', () => {
    expectValidEntry(service);
  });

  it('states the slide facts', () => {
    expect(service.id).toBe('free-meals');
    expect(service.audience).toBe('citizen');
    expect(service.channels.map((c) => c.id)).toEqual(['provider_office', 'other']);
    // The term is 10 CALENDAR days, not working days.
    expect(service.term).toMatchObject({ kind: 'total', calendarDays: 10 });
    expect(service.term.workingDays).toBeUndefined();
    expect(service.otherTerms).toEqual([]);
    expectNoFeeHomeVisitRefusalsOrForm(service);
    // The seed gives no after-hours rule for this service: it must not claim one.
    expectAfterHours(service, undefined);
    expectDocumentList(service, [
      ['identity_document', 'always'],
      ['application', 'always'],
      ['birth_certificate_copy', 'conditional'],
      ['guardianship_certificate_copy', 'conditional'],
      ['disability_certificate', 'conditional'],
      ['pmpc_conclusion_copy', 'conditional'],
      ['social_assistance_certificate', 'conditional'],
      ['income_certificate', 'conditional'],
    ]);
  });

  it('asks channel, category and, for a large family only, the birth date', () => {
    expect(nextQuestion(service, {})?.id).toBe('channel');
    expect(service.questions[0]!.options.map((o) => o.id)).toEqual(['provider_office', 'other']);
    expect(nextQuestion(service, { channel: 'other' })?.id).toBe('category');
    expect(nextQuestion(service, { channel: 'other', category: 'orphan' })).toBeUndefined();
    expect(nextQuestion(service, { channel: 'other', category: 'large_family' })?.id).toBe('birth_date');
  });

  it('lists the category document and no other', () => {
    const base = { channel: 'provider_office' };
    expectChecklist(service, { ...base, category: 'orphan' }, [...ALWAYS, 'guardianship_certificate_copy']);
    expect(docIds(service, { ...base, category: 'orphan' })).not.toContain('disability_certificate');
    expectChecklist(service, { ...base, category: 'disability' }, [...ALWAYS, 'disability_certificate']);
    expectChecklist(service, { ...base, category: 'special_needs' }, [...ALWAYS, 'pmpc_conclusion_copy']);
    expectChecklist(service, { ...base, category: 'social_assistance' }, [...ALWAYS, 'social_assistance_certificate']);
    expectChecklist(service, { ...base, category: 'low_income' }, [...ALWAYS, 'income_certificate']);
    expectChecklist(service, { ...base, category: 'large_family', birth_date: 'before_2007_08_13' }, [...ALWAYS, 'birth_certificate_copy']);
    expectChecklist(service, { ...base, category: 'large_family', birth_date: 'from_2007_08_13' }, ALWAYS);
    expectChecklist(service, { channel: 'other', category: 'other' }, ALWAYS);
    expectTerms(service, { channel: 'other' }, [10], (t) => t.calendarDays);
  });

  it('cites seed lines that contain the facts', () => {
    const doc = (id: string) => documentById(service, id).sources;
    expectCited(service.term.sources, 'күнтізбелік 10 күн');
    expectCited(service.term.sources, 'өтініш түскен күннен бастап');
    expectCited(service.channels[0]!.sources, 'қағаз');
    expectCited(service.channels[1]!.sources, 'жартылай электронды (google-диск, ватсап, эл.почта)');
    expectCited(service.provider.sources, 'тегін тамақтандыруды ұсыну');
    expectCited(doc('identity_document'), 'жеке басты сәйкестендіру үшін талап етіледі');
    expectCited(doc('application'), 'нысан бойынша өтініші');
    expectCited(doc('birth_certificate_copy'), 'туу туралы куәліктің көшірмесі');
    expectCited(doc('birth_certificate_copy'), '2007 жылғы 13 тамызға дейін туылған');
    expectCited(doc('guardianship_certificate_copy'), 'патронаттық тәрбиені бекіту туралы анықтаманың көшірмесі');
    expectCited(doc('guardianship_certificate_copy'), 'ата-анасының қамқорлығынсыз қалған');
    expectCited(doc('disability_certificate'), 'мүгедектігі туралы анықтама');
    expectCited(doc('pmpc_conclusion_copy'), 'психологиялық-медициналық-педагогикалық консультацияның');
    expectCited(doc('pmpc_conclusion_copy'), 'даму мүмкіндіктері шектеулі');
    expectCited(doc('social_assistance_certificate'), 'жергілікті атқарушы органдар');
    expectCited(doc('social_assistance_certificate'), 'атаулы әлеуметтік көмекті алушыларға жататынын растайтын анықтама');
    expectCited(doc('income_certificate'), 'табысы туралы анықтама');
    expectCited(doc('income_certificate'), 'ең төменгі күнкөріс деңгейінен төмен');
  });
});

describe('catalog: free meals for a student in two categories, and the unclear birth date', () => {
  it('an orphan with a disability picks both categories and gets the proofs of both', () => {
    const category = service.questions.find((q) => q.id === 'category')!;
    expect(category.multiple).toBe(true);
    const ids = docIds(service, { channel: 'provider_office', category: 'orphan,disability' });
    expect(ids).toContain('guardianship_certificate_copy');
    expect(ids).toContain('disability_certificate');
  });

  it('says that the slide does not tell whose birth before 13.08.2007 it means, instead of deciding it', () => {
    const question = service.questions.find((q) => q.id === 'birth_date')!;
    expect(question.text.ru).toBe('Кто-то из детей в семье (в том числе сам обучающийся) родился до 13.08.2007?');
    const birth = documentById(service, 'birth_certificate_copy');
    expect(birth.explanation!.ru).toContain('не сказано, чья это дата рождения — обучающегося или других детей в семье');
    expect(birth.explanation!.kk).toContain('кімнің туған күні екені');
    expectCited(birth.sources, '2007 жылғы 13 тамызға дейін туылған жағдайда');
  });
});
