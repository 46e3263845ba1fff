import type { ServiceId } from '../../catalog/schema';
import type { IntentPhrases } from '../phrase-types';

/**
 * Words that fit several services equally: a diploma without saying whose, a student without saying
 * where. Each group's phrases train every one of its services alike, so neither wins and the bot asks.
 * The first group whose words cover a text's service words is taken: the widest ("телнұсқа керек")
 * comes first, and a narrower one only fits a text that says more ("диплом").
 */
export const AMBIGUOUS_GROUPS: { services: ServiceId[]; phrases: IntentPhrases }[] = [
  {
    services: ['duplicate-school', 'duplicate-tvet', 'duplicate-higher'],
    phrases: {
      kk: [
        'Білімім туралы құжаттың телнұсқасы керек',
        'білім туралы құжат жоғалды',
        'білімім туралы құжаттың телнұсқасы',
        'барлық білім туралы құжаттарым жоғалды',
        'білімім туралы құжатым жоқ, жұмысқа керек',
        'оқу құжаттарымның бәрі өртеніп кетті',
      ],
      ru: [
        'все документы об учёбе украли вместе с сейфом',
        'Потерял все документы об образовании, что делать',
        'потерял документы об образовании',
        'дубликат документа об образовании',
        'все документы об образовании пропали',
        'нужен дубликат документа об учёбе для работы',
        'при переезде пропали все документы об учёбе',
      ],
    },
  },
  {
    services: ['duplicate-tvet', 'duplicate-higher'],
    phrases: {
      kk: [
        'dıplomymdy joǵaltyp aldym',
        'Дипломым суға батып бүлінді',
        'дипломның көшірмесін қалай алам',
        'дипломым жоғалып кетті',
        'diplom zhogaldy',
        'диплом кайта алу',
        'диплом жоғалды',
        'дипломымды жоғалттым',
        'дипломның телнұсқасы керек',
        'диплом бүлінді',
        'студентпін дипломым жоқ',
        'диплом',
        'дипломның телнұсқасы',
        'Dıplomymnyń telnusqasy kerek',
        'дипломым ұрланды',
        'дипломды ит жыртып тастады',
      ],
      ru: [
        'дипломутерян',
        'был пожар в гараже, там лежал мой диплом',
        'diplom vosstanovit nado srochno',
        'восстановить диплом об образовании, сгорел дом',
        'диплом потеряла',
        'как восстановить диплом',
        'дупликат диплома',
        'потерял диплом',
        'дубликат диплома',
        'диплом утерян',
        'диплом испорчен',
        'диплом пропал',
        'диплом',
        'дубликат диплома нужен',
        'восстановить диплом',
        'диплом сгорел',
        'нужен новый диплом взамен утерянного',
        'у меня размок диплом',
        'диплом украли вместе с сумкой',
      ],
    },
  },
];
