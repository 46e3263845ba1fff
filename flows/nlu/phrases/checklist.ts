import type { IntentPhrases } from '../phrase-types';

/** Asking what to bring for a service without naming it; the services' own files name them. */
export const checklistPhrases: IntentPhrases = {
  kk: ['құжат керек', 'қандай құжаттар керек', 'құжат жоғалды', 'телнұсқа керек', 'құжаттар тізімі', 'қызмет алу керек', 'не әкелу керек', 'анықтама алу', 'kandai kuzhat kerek', 'құжат жинау'],
  ru: ['нужен документ', 'какие документы нужны', 'потерял документ', 'нужен дубликат', 'список документов', 'хочу получить услугу', 'что принести', 'нужна справка', 'какие бумаги собрать', 'дубль'],
};
