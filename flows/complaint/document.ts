import type { Complaint } from '../../domain/complaint';
import { formatCivilDate } from '../../locales/format';
import { findService } from '../catalog';
import type { FormLayout } from '../forms/types';

const WORDS = {
  ru: {
    to: 'Кому',
    from: 'От кого',
    iin: 'ИИН',
    contact: 'Контакты',
    postal: 'Почтовый адрес',
    title: 'Жалоба',
    number: 'Регистрационный № {{number}} от {{date}}',
    service: 'Услуга',
    application: 'Номер заявления',
    category: 'Суть жалобы',
    text: 'Что произошло',
    asks: 'Прошу',
    attachments: 'Приложения',
    none: 'нет',
    date: 'Дата',
    signature: '(подпись)',
  },
  kk: {
    to: 'Кімге',
    from: 'Кімнен',
    iin: 'ЖСН',
    contact: 'Байланыс',
    postal: 'Пошта мекенжайы',
    title: 'Шағым',
    number: 'Тіркеу № {{number}}, {{date}}',
    service: 'Қызмет',
    application: 'Өтініш нөмірі',
    category: 'Шағымның мәні',
    text: 'Не болды',
    asks: 'Сұраймын',
    attachments: 'Қосымшалар',
    none: 'жоқ',
    date: 'Күні',
    signature: '(қолы)',
  },
} as const;

const CATEGORIES = {
  ru: {
    documents_refused: 'не приняли документы',
    extra_documents: 'требуют лишние документы',
    term_missed: 'нарушен срок',
    refusal_without_reasons: 'отказ без причин',
    improper_treatment: 'грубое обращение',
    error_in_result: 'ошибка в результате',
    other: 'другое',
  },
  kk: {
    documents_refused: 'құжаттарды қабылдамады',
    extra_documents: 'артық құжат талап етті',
    term_missed: 'мерзім өтіп кетті',
    refusal_without_reasons: 'себебін айтпай бас тартты',
    improper_treatment: 'дөрекі қарым-қатынас',
    error_in_result: 'нәтижеде қате бар',
    other: 'басқа',
  },
} as const;

/**
 * A filed complaint laid out as a formal document, in the citizen's language: the addressee and the
 * complainant, the title with the registration number and date, the body (service, application,
 * what happened, what is asked, the attachments listed), and the date and signature lines.
 */
export function complaintLayout(complaint: Complaint & { number: string }, today: string): FormLayout {
  const lang = complaint.lang;
  const w = WORDS[lang];
  const { complainant } = complaint;
  const service = findService(complaint.serviceId);
  const header = [
    { caption: w.to, value: complaint.addressee[lang] },
    { caption: w.from, value: complainant.name },
    { caption: w.iin, value: complainant.iin },
    { caption: w.contact, value: complainant.contact },
    ...(complainant.postalAddress ? [{ caption: w.postal, value: complainant.postalAddress }] : []),
  ];
  const body = [
    w.number.replace('{{number}}', complaint.number).replace('{{date}}', formatCivilDate(complaint.registeredOn, lang)),
    `${w.service}: ${service?.title[lang] ?? complaint.serviceId}`,
    ...(complaint.applicationNumber ? [`${w.application}: ${complaint.applicationNumber}`] : []),
    `${w.category}: ${CATEGORIES[lang][complaint.category]}`,
    `${w.text}: ${complaint.text}`,
    `${w.asks}: ${complaint.asks}`,
    `${w.attachments}: ${complaint.attachments.length ? complaint.attachments.map((a) => a.name).join(', ') : w.none}`,
  ];
  return { header, title: w.title, body, dateLine: `${w.date}: ${today}`, signatureCaption: w.signature };
}
