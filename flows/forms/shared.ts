import type { LocalizedText } from '../catalog/schema';
import type { Lang } from '../../store/types';
import type { FormField, FormLayout, FormValues } from './types';

/**
 * Wording the application forms have in common: the reasons for a duplicate, the duplicate of a
 * diploma or its supplement, the consent to the use of personal data, and the title, date and
 * signature every form ends with. Kazakh is the seeds' own text; Russian is a faithful rendering.
 */

// ——— Fields ———

export const fullNameField: FormField = {
  id: 'full_name',
  kind: 'text',
  names: 'person',
  maxLength: 150,
  label: { kk: 'Тегіңіз, атыңыз, әкеңіздің аты (бар болса)', ru: 'Ваши фамилия, имя, отчество (при наличии)' },
  short: { kk: 'Тегі, аты, әкесінің аты', ru: 'Фамилия, имя, отчество' },
};

export const iinField: FormField = { id: 'iin', kind: 'iin', label: { kk: 'ЖСН (12 цифр)', ru: 'ИИН (12 цифр)' }, short: { kk: 'ЖСН', ru: 'ИИН' } };

/** The applicant's contact details: a phone number on its own, or text with a phone number or an e-mail address in it. */
export const contactsField: FormField = {
  id: 'contacts',
  kind: 'contact',
  maxLength: 150,
  label: { kk: 'Телефоныңыз немесе электрондық поштаңыз, мысалы +7 701 123 45 67', ru: 'Ваш телефон или электронная почта, например +7 701 123 45 67' },
  short: { kk: 'Байланыс деректері', ru: 'Контактные данные' },
};

/** The addressee of a form: the head of the college or university, left blank (to write by hand) when skipped. */
export function headOfOrganisationField(organisation: LocalizedText): FormField {
  return {
    id: 'head_name',
    kind: 'text',
    names: 'person',
    maxLength: 150,
    optional: true,
    label: {
      kk: `${organisation.kk} басшысының тегі, аты, әкесінің аты (бар болса), толық. Білмесеңіз, «Өткізіп жіберу» батырмасын басыңыз: жол бос қалады, оны қолмен толтырасыз.`,
      ru: `Фамилия, имя, отчество (при наличии) руководителя ${organisation.ru} полностью. Если не знаете, нажмите «Пропустить»: строка останется пустой, её можно заполнить от руки.`,
    },
    short: { kk: `${organisation.kk} басшысы`, ru: `Руководитель ${organisation.ru}` },
  };
}

/** A header line the form prints only when it applies (e.g. "the institution's name and address, if they changed"). */
export function lineIfGiven(value: string | undefined, caption: string): FormLayout['header'] {
  return value ? [{ value, caption }] : [];
}

// ——— Reasons for a duplicate ———

/** The ids are the checklist's `reason` answers (catalog `duplicateReasonQuestion`), so an answer already given fills the field. */
const DUPLICATE_REASONS = {
  lost: { label: { kk: 'Құжат жоғалды', ru: 'Документ утерян' }, phrase: { kk: 'құжаттың жоғалуына', ru: 'утерей документа' } },
  damaged: { label: { kk: 'Құжат бүлінді', ru: 'Документ испорчен' }, phrase: { kk: 'құжаттың бүлінуіне', ru: 'порчей документа' } },
  name_changed: {
    label: { kk: 'Тегім (атым) өзгерді', ru: 'Сменил(а) ФИО' },
    phrase: { kk: 'тегімнің (атымның, әкемнің атының) өзгеруіне', ru: 'изменением фамилии (имени, отчества)' },
  },
} as const;
type DuplicateReason = keyof typeof DUPLICATE_REASONS;

const isDuplicateReason = (id: string | undefined): id is DuplicateReason => id !== undefined && Object.hasOwn(DUPLICATE_REASONS, id);

export const duplicateReasonField: FormField = {
  id: 'reason',
  kind: 'choice',
  label: { kk: 'Телнұсқа не себепті керек?', ru: 'Почему нужен дубликат?' },
  short: { kk: 'Себебі', ru: 'Причина' },
  options: (Object.keys(DUPLICATE_REASONS) as DuplicateReason[]).map((id) => ({ id, label: DUPLICATE_REASONS[id].label })),
};

/** The reason the citizen already gave in the checklist, so the form does not ask it again. */
export function prefillDuplicateReason(answers: Readonly<Record<string, string>>): FormValues {
  return isDuplicateReason(answers.reason) ? { reason: answers.reason } : {};
}

/** "құжаттың жоғалуына" (before "байланысты") / "утерей документа" (after "в связи с"). */
export function duplicateReasonPhrase(values: FormValues, lang: Lang): string {
  return isDuplicateReason(values.reason) ? DUPLICATE_REASONS[values.reason].phrase[lang] : '';
}

// ——— Duplicate of a diploma (seed 000 Appendices 5 and 7, seed 004 Appendix 5) ———

/** The three choices the diploma forms print in brackets after "дипломның телнұсқасын". */
const DIPLOMA_DUPLICATES = {
  with_supplement: {
    label: { kk: 'Диплом қосымшасымен бірге', ru: 'Диплом вместе с приложением' },
    phrase: { kk: 'қосымшасымен бірге дипломның телнұсқасын', ru: 'дубликат диплома с приложением' },
  },
  diploma: { label: { kk: 'Тек диплом', ru: 'Только диплом' }, phrase: { kk: 'дипломның телнұсқасын', ru: 'дубликат диплома' } },
  supplement: { label: { kk: 'Тек қосымша', ru: 'Только приложение' }, phrase: { kk: 'қосымшаның телнұсқасын', ru: 'дубликат приложения' } },
} as const;
type DiplomaDuplicate = keyof typeof DIPLOMA_DUPLICATES;

export const diplomaDuplicateField: FormField = {
  id: 'duplicate',
  kind: 'choice',
  label: { kk: 'Қандай телнұсқа керек?', ru: 'Какой дубликат нужен?' },
  short: { kk: 'Телнұсқа', ru: 'Дубликат' },
  options: (Object.keys(DIPLOMA_DUPLICATES) as DiplomaDuplicate[]).map((id) => ({ id, label: DIPLOMA_DUPLICATES[id].label })),
};

/** The request of the diploma forms: "Маған ___ байланысты дипломның телнұсқасын (…) беруіңізді сұраймын." */
export function diplomaDuplicateRequest(values: FormValues, lang: Lang): string {
  const what = Object.hasOwn(DIPLOMA_DUPLICATES, values.duplicate ?? '') ? DIPLOMA_DUPLICATES[values.duplicate as DiplomaDuplicate].phrase[lang] : '';
  const reason = duplicateReasonPhrase(values, lang);
  return lang === 'kk' ? `Маған ${reason} байланысты ${what} беруіңізді сұраймын.` : `Прошу Вас выдать мне ${what} в связи с ${reason}.`;
}

// ——— Consent to the use of personal data ———

/**
 * The consent sentence, in the wording of the seed the form comes from: seed 000 names the law with
 * its date (21 May 2013), seed 004 names it without the date, and seed 001 words the sentence
 * differently ("қорғалатын құпияны құрайтын мәліметтерді пайдалануға").
 */
export function personalDataConsent(wording: 'dated' | 'undated' | 'seed001', lang: Lang): string {
  if (wording === 'seed001') {
    return lang === 'kk'
      ? 'Ақпараттық жүйелерде қамтылған "Дербес деректер және оларды қорғау туралы" Қазақстан Республикасының Заңымен қорғалатын құпияны құрайтын мәліметтерді пайдалануға келісемін.'
      : 'Согласен(на) на использование сведений, составляющих охраняемую Законом Республики Казахстан "О персональных данных и их защите" тайну, содержащихся в информационных системах.';
  }
  const dated = wording === 'dated';
  return lang === 'kk'
    ? `Ақпараттық жүйелерде қамтылған "Дербес деректер және оларды қорғау туралы" ${dated ? '2013 жылғы 21 мамырдағы ' : ''}Қазақстан Республикасының Заңымен құпия қорғалатын мәліметтерді қолдануға келісемін.`
    : `Согласен(на) на использование сведений, составляющих охраняемую законом тайну, содержащихся в информационных системах, в соответствии с Законом Республики Казахстан ${dated ? 'от 21 мая 2013 года ' : ''}"О персональных данных и их защите".`;
}

// ——— Title, date and signature ———

/** "Өтініш" / "Заявление", then the date and the signature line every form ends with. */
export function applicationFrame(lang: Lang, today: string): Pick<FormLayout, 'title' | 'dateLine' | 'signatureCaption'> {
  return lang === 'kk' ? { title: 'Өтініш', dateLine: today, signatureCaption: 'қолы' } : { title: 'Заявление', dateLine: today, signatureCaption: 'подпись' };
}
